package com.watchparty.query;

import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Every bean of the query side, on Axon's in-JVM query bus instead of the service's. */
@SpringBootConfiguration
@ComponentScan(basePackageClasses = QuerySideTestConfiguration.class)
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
class QuerySideTestConfiguration {

    @Bean
    SimpleQueryBus queryBus() {
        return SimpleQueryBus.builder().build();
    }

    @Bean
    QueryUpdateEmitter queryUpdateEmitter(SimpleQueryBus queryBus) {
        return queryBus.queryUpdateEmitter();
    }

    @Bean
    QueryGateway queryGateway(QueryBus queryBus) {
        return DefaultQueryGateway.builder().queryBus(queryBus).build();
    }

    @Bean
    Projections projections(org.springframework.context.ApplicationContext context, QueryBus queryBus,
                            PlatformTransactionManager transactions) {
        return new Projections(context, queryBus, new TransactionTemplate(transactions));
    }
}
