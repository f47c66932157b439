package com.watchparty.app.axon;

import com.watchparty.app.cluster.InstanceName;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLErrorCodesResolver;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

/**
 * The WatchPartyLog: Axon's event store in PostgreSQL through the JDBC storage engine (bytea payloads, a plain
 * BIGSERIAL global index, tables from Flyway), events stored as JSON.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStoreProperties.class)
public class EventStoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Stored JSON is written by this mapper alone, so web settings (snake_case, lower-case enums) can never change
     * what is in the store. Unknown properties are ignored: an older reader tolerates newer events.
     */
    static ObjectMapper storageMapper() {
        return storageMapperBuilder().build();
    }

    /** The settings every stored JSON shares: events, tokens, dead letters and snapshots. */
    private static JsonMapper.Builder storageMapperBuilder() {
        return JsonMapper.builder()
                .findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Snapshots are aggregates, not messages: their state is in private fields, with neither getters nor
     * creators (and the domain knows nothing of Jackson). Written like a message, a {@code WatchParty} has no
     * property at all: its snapshot would be stored as {@code {}} without any error, and the next load of the party
     * that misses the cache (a weak cache misses after any garbage collection) would fail on that empty snapshot.
     * This mapper reads and writes fields, whatever their visibility, and never getters; what it shares with the
     * event mapper (modules, ISO instants, lenient reading) comes from one place.
     */
    static ObjectMapper snapshotMapper() {
        return storageMapperBuilder()
                .addModule(new JavaTimeModule())
                .visibility(PropertyAccessor.FIELD, Visibility.ANY)
                .visibility(PropertyAccessor.GETTER, Visibility.NONE)
                .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
                .build();
    }

    /** The storage engine's snapshot serializer; events and tokens keep theirs. */
    static Serializer snapshotSerializer() {
        return JacksonSerializer.builder().objectMapper(snapshotMapper()).build();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(storageMapper()).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return JacksonSerializer.builder().objectMapper(storageMapper()).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return JacksonSerializer.builder().objectMapper(storageMapper()).build();
    }

    /** Without it PostgreSQL's duplicate key (23505) is not recognised, and a lost race is no ConcurrencyException. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver(DataSource dataSource) throws SQLException {
        return new SQLErrorCodesResolver(dataSource);
    }

    /** The backends the storage engine appends through: their notifications need not wake this instance's store. */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false") // Axon Server stores events
    OwnBackends ownBackends() {
        return new OwnBackends();
    }

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false") // Axon Server stores events
    EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          ConnectionProvider connectionProvider, OwnBackends ownBackends,
                                          TransactionManager transactionManager,
                                          Configuration configuration) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshotSerializer())
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(ownBackends.remembering(connectionProvider))
                .transactionManager(new AutoCommitReads(transactionManager))
                .schema(new EventSchema())
                .build();
    }

    /**
     * Declared here because Axon 4.13 has no property for the fetch delay: how long a processor waits before it
     * looks again for events that another node appended, should their {@code events_appended} notification be
     * missed. Events appended by this node, and notified ones, wake processors at once.
     */
    @Bean(name = "eventBus")
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false") // Axon Server stores events
    WakeableEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                  EventStoreProperties properties) {
        return new WakeableEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .fetchDelay(properties.fetchDelay().toMillis())
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)), properties.wakeInterval());
    }

    /**
     * With Axon Server ({@code axon.axonserver.enabled=true}) events and snapshots are stored there, snapshots with
     * the snapshot serializer above: Axon's own configuration would give them the primary one, which writes a party as
     * {@code {}}.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
    EventStore axonServerEventStore(AxonServerConfiguration axonServer, AxonServerConnectionManager connections,
                                    @Qualifier("eventSerializer") Serializer eventSerializer,
                                    Configuration configuration) {
        return AxonServerEventStore.builder()
                .configuration(axonServer)
                .platformConnectionManager(connections)
                .snapshotSerializer(snapshotSerializer())
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .upcasterChain(configuration.upcasterChain())
                .messageMonitor(configuration.messageMonitor(AxonServerEventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .build();
    }

    /**
     * The source of the projections of a party's log ({@code source} in {@code axon.eventhandling.processors}): the
     * event store, whose streams for them are woken at most once per {@code log-wake-interval}.
     */
    @Bean
    StreamableMessageSource<TrackedEventMessage<?>> partyLogEvents(EventStore eventStore,
                                                                   EventStoreProperties properties) {
        return eventStore instanceof WakeableEventStore wakeable
                ? wakeable.wokenAtMostEvery(properties.logWakeInterval())
                : eventStore; // Axon Server's store pushes its events
    }

    @Bean
    InstanceName instanceName() {
        return InstanceName.generate();
    }

    /** Axon's JDBC token store, its claims owned by this instance's name rather than the JVM's. */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                          TokenStoreProperties tokenStoreProperties, InstanceName instanceName) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(TokenSchema.builder().build())
                .serializer(serializer)
                .claimTimeout(tokenStoreProperties.getClaimTimeout())
                .nodeId(instanceName.value())
                .build();
    }

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false") // Axon Server stores events
    EventsAppendedListener eventsAppendedListener(JdbcConnectionDetails database, OwnBackends ownBackends,
                                                  WakeableEventStore eventStore) {
        return new EventsAppendedListener(database, ownBackends, eventStore::wake);
    }

    @Autowired
    void usePooledStreamingProcessors(EventProcessingConfigurer processing) {
        processing.usingPooledStreamingEventProcessors();
    }
}
