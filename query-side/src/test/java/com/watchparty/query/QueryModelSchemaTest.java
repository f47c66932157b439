package com.watchparty.query;

import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query models on JPA against the Flyway schema: Hibernate validated every entity at start-up (this context
 * would not have started otherwise), the persistence unit holds this module's entities and nothing else, and the
 * schema has none of what JPA defaults bring (large objects in {@code oid} columns, sequences that hand out ids 50
 * at a time).
 */
@QueryModelTest
class QueryModelSchemaTest {

    @Autowired
    EntityManagerFactory entities;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theEntitiesAreTheQuerySidesOwn() {
        assertThat(entities.getMetamodel().getEntities())
                .allSatisfy(entity -> assertThat(entity.getJavaType().getPackageName()).startsWith("com.watchparty.query"))
                .extracting(entity -> entity.getJavaType().getSimpleName())
                .containsExactlyInAnyOrder("MovieRow", "TicketTypeRow", "WatchPartyRow", "TicketHolderRow",
                        "PurchaseRow", "WaitingListRow");
    }

    @Test
    void noColumnHoldsALargeObjectAndNoSequenceAllocatesInBlocks() {
        assertThat(jdbc.sql("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema = current_schema() and udt_name = 'oid'""").query(String.class).list()).isEmpty();
        assertThat(jdbc.sql("""
                select sequencename || ' by ' || increment_by from pg_sequences
                where schemaname = current_schema() and increment_by <> 1""").query(String.class).list()).isEmpty();
    }
}
