package com.watchparty.app;

import com.watchparty.app.support.Api;
import com.watchparty.app.support.WatchPartyIntegrationTest;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The WatchPartyLog's storage on PostgreSQL: JSON in bytea, a dense global index, conflicts detected; Axon's tables on
 * its JDBC engine, beside the query side's JPA.
 */
class EventStoreTest extends WatchPartyIntegrationTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    ApplicationContext context;

    /** JPA on the classpath moves none of Axon's storage to JPA entities; the query side's JPA stays its own. */
    @Test
    void axonsEventStoreTokensSagasAndDeadLettersStayOnJdbcBesideTheQuerySidesJpa() {
        assertThat(context.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(context.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
        assertThat(context.getBeansOfType(SagaStore.class).values()).allSatisfy(store ->
                assertThat(store).isInstanceOf(JdbcSagaStore.class));
        assertThat(context.getBean(EventProcessingConfiguration.class).deadLetterQueue("watch-parties"))
                .get().isInstanceOf(JdbcSequencedDeadLetterQueue.class);
        assertThat(context.getBean(EntityManagerFactory.class).getMetamodel().getEntities())
                .isNotEmpty()
                .allSatisfy(entity -> assertThat(entity.getJavaType().getPackageName()).startsWith("com.watchparty.query"));
        // one transaction manager for Axon, the JDBC and the JPA projections, with savepoints for each event
        assertThat(context.getBean(PlatformTransactionManager.class)).isInstanceOfSatisfying(JpaTransactionManager.class,
                transactions -> assertThat(transactions.isNestedTransactionAllowed()).isTrue());
    }

    @Test
    void eventsAreStoredAsRevisionedJsonInByteaNotAsLargeObjects() {
        UUID movie = api.movie(admin, 4321);

        assertThat(jdbc.sql("select data_type from information_schema.columns where table_name = 'domainevententry' and column_name = 'payload'")
                .query(String.class).single()).isEqualTo("bytea");
        var row = jdbc.sql("select payload, payloadrevision from domainevententry where aggregateidentifier = ?")
                .param(movie.toString()).query((rs, n) -> List.of(new String(rs.getBytes(1), StandardCharsets.UTF_8),
                        rs.getString(2))).single();
        // written by the storage mapper: Java names, not the REST API's snake_case
        assertThat(row.get(0)).startsWith("{").contains("\"durationSeconds\":4321").doesNotContain("duration_seconds");
        assertThat(row.get(1)).isEqualTo("1");
    }

    @Test
    void theGlobalIndexGrowsOneByOne() {
        UUID first = api.movie(admin, 60);
        UUID second = api.movie(admin, 60);

        long a = globalIndexOf(first);
        long b = globalIndexOf(second);
        assertThat(b - a).isEqualTo(1);
    }

    @Test
    void aSecondAppendAtTheSameSequenceNumberIsAConcurrencyConflict() {
        String aggregate = UUID.randomUUID().toString();
        eventStore.publish(new GenericDomainEventMessage<>("Probe", aggregate, 0, "created"));
        eventStore.publish(new GenericDomainEventMessage<>("Probe", aggregate, 1, "first writer"));

        assertThatThrownBy(() -> eventStore.publish(new GenericDomainEventMessage<>("Probe", aggregate, 1, "second writer")))
                .isInstanceOf(ConcurrencyException.class);
    }

    private long globalIndexOf(UUID aggregate) {
        return jdbc.sql("select globalindex from domainevententry where aggregateidentifier = ?")
                .param(aggregate.toString()).query(Long.class).single();
    }
}
