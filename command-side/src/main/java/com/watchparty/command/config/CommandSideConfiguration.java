package com.watchparty.command.config;

import com.watchparty.api.party.PartyAggregate;
import com.watchparty.command.party.CancellationPolicy;
import com.watchparty.command.party.HoldPolicy;
import com.watchparty.command.party.LobbyPolicy;
import com.watchparty.command.party.WatchParty;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PartyProperties.class, TicketingProperties.class, CommandsProperties.class})
public class CommandSideConfiguration {

    /** Parties and voucher types kept in memory: those used last, each until unused for {@link #CACHE_IDLE}. */
    private static final int CACHE_SIZE = 1_000;
    private static final Duration CACHE_IDLE = Duration.ofMinutes(10);

    /** Static: it changes bean definitions, before any bean of this configuration exists. */
    @Bean
    static BeanFactoryPostProcessor aggregateEventTypeFilter() {
        return new AggregateEventTypeFilter();
    }

    /** How the room feed, which never sees the command side, knows a party's events in the store. */
    @Bean
    PartyAggregate partyAggregate() {
        return new PartyAggregate(WatchParty.TYPE);
    }

    @Bean
    LobbyPolicy lobbyPolicy(PartyProperties party) {
        return new LobbyPolicy(party.lobbyWindow());
    }

    @Bean
    HoldPolicy holdPolicy(TicketingProperties ticketing) {
        return new HoldPolicy(ticketing.holdTime(), ticketing.minHoldTime());
    }

    @Bean
    CancellationPolicy cancellationPolicy(TicketingProperties ticketing) {
        return new CancellationPolicy(ticketing.cancellationCutoff(), ticketing.cancellationFee());
    }

    /**
     * Parties live in memory between commands, so a busy room's next message does not replay its whole stream.
     * Safe with several instances: a stale copy loses the append race, is evicted and the command retried.
     */
    @Bean
    Cache watchPartyCache() {
        return new RecentAggregates(CACHE_SIZE, CACHE_IDLE);
    }

    /**
     * The party's lock, as Axon's default but for how often a waiter wakes up: every 10 ms by default, to look for a
     * deadlock, so a sale rush's fifty requests queued on one party woke 5,000 times a second to find the lock still
     * taken. The waiters now look four times a second, still for a minute at most.
     */
    @Bean
    LockFactory watchPartyLocks() {
        return PessimisticLockFactory.builder().lockAttemptTimeout(250).acquireAttempts(240).build();
    }

    /** Voucher types count every redemption of their codes: a rush of redemptions should not replay the type. */
    @Bean
    Cache ticketCache() {
        return new RecentAggregates(CACHE_SIZE, CACHE_IDLE);
    }

    /**
     * A long, busy party has tens of thousands of events. Every {@code snapshot-every} events applied to a party a
     * snapshot of it is stored, so a party that is not in the cache (another instance, a restart, collected) is
     * loaded from its latest snapshot and at most that many events after it, never from its first event.
     */
    @Bean
    SnapshotTriggerDefinition watchPartySnapshotTrigger(Snapshotter snapshotter, PartyProperties party) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, party.snapshotEvery());
    }

    /**
     * Snapshots are taken on a thread of their own, after the command that called for one has committed. Axon's
     * default takes it within that command's commit, still holding the party's lock and its database connection, and
     * needs a second connection to read the stream: with every pooled connection held by commands queued on the same
     * party's lock (a join storm), nothing moved until the pool timed out 30 s later and the joins failed.
     */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                    HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory,
                                                    ExecutorService snapshotExecutor) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotExecutor)
                .build();
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService snapshotExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "party-snapshots");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Axon's local command bus as its auto-configuration builds it, but for refusals: see {@link RefusalsKeepTheCache}. */
    @Bean
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(TransactionManager transactionManager,
                                org.axonframework.config.Configuration configuration,
                                DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        SimpleCommandBus commandBus = SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(configuration.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(configuration.messageMonitor(CommandBus.class, "commandBus"))
                .rollbackConfiguration(new RefusalsKeepTheCache())
                .build();
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(configuration.correlationDataProviders()));
        return commandBus;
    }

    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    ConcurrencyRetryScheduler commandRetryScheduler(ScheduledExecutorService commandRetryExecutor,
                                                    CommandsProperties commands) {
        return new ConcurrencyRetryScheduler(commandRetryExecutor, commands.maxConflictRetries());
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ConcurrencyRetryScheduler commandRetryScheduler) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(commandRetryScheduler)
                .build();
    }
}
