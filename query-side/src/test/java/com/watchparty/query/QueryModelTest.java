package com.watchparty.query;

import com.watchparty.testsupport.OwnDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The query side on a PostgreSQL database of its own, with the service's Flyway schema, Hibernate validating the
 * entities against it (as the service does), and this module's projections, readers and query handlers
 * ({@link QuerySideTestConfiguration}). Without Axon's processors: a test hands events to the projections itself
 * ({@link Projections}), in transactions of its own, as a processor's batch would.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DataJpaTest(showSql = false, properties = "spring.jpa.hibernate.ddl-auto=validate")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = OwnDatabase.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public @interface QueryModelTest {
}
