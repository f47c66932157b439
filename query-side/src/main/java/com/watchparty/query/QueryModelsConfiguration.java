package com.watchparty.query;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;
import org.springframework.orm.jpa.JpaTransactionManager;

/**
 * The entity-shaped query models on Spring Data JPA: the entities and repositories of this module, and nothing else.
 * <ul>
 *     <li>Entities are scanned here only, so the JPA entities Axon registers for its own tables (token, saga,
 *     dead-letter and event entries, kept on Axon's JDBC engine) never join the persistence unit.</li>
 *     <li>The one transaction manager is then JPA's, also for Axon and the JDBC projections. The projections run each
 *     event in a savepoint of their batch's transaction, which Spring's {@code HibernateJpaDialect} does not offer:
 *     {@link SavepointJpaDialect} adds it, and nested transactions are allowed.</li>
 *     <li>Repositories open no transaction of their own: a projection writes in its batch's transaction, and a query
 *     reads without one, a statement on a connection as the JDBC reads do, rather than a read-only transaction
 *     (a {@code BEGIN} and a {@code COMMIT} more) for each repository call.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EntityScan(basePackageClasses = QueryModelsConfiguration.class)
@EnableJpaRepositories(basePackageClasses = QueryModelsConfiguration.class, enableDefaultTransactions = false)
public class QueryModelsConfiguration {

    @Bean
    static BeanPostProcessor savepointJpaDialect() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractEntityManagerFactoryBean factory) {
                    factory.setJpaDialect(new SavepointJpaDialect());
                }
                return bean;
            }
        };
    }

    @Bean
    TransactionManagerCustomizer<JpaTransactionManager> nestedTransactionsAsSavepoints() {
        return transactions -> transactions.setNestedTransactionAllowed(true);
    }
}
