package com.watchparty.app.ops;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.springboot.EventProcessorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The projections' upkeep thread and their dead-lettering. Axon keeps one invoker configuration per processing group, and a second
 * registration replaces the first: Axon's own, which switches on the cache of
 * {@code axon.eventhandling.processors.<group>.dlq.cache}, is made first (hence {@code @DependsOn}) and replaced by
 * this one, which therefore applies that cache too.
 * <ul>
 *     <li>After a failed batch, each event handler runs in a savepoint ({@link SavepointsAfterFailure}), so the failed
 *     event is dead-lettered and the rest of its batch is projected.</li>
 *     <li>Every dead letter is logged as a warning (Axon logs it at INFO only).</li>
 *     <li>A reset (the start of a rebuild) also empties the dead-letter queue. Its letters are events the replay
 *     delivers again anyway; left in the queue, they would make the replay park every later event of the same party
 *     behind them instead of rebuilding it.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectionsProperties.class)
@DependsOn("org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
class ProjectionsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProjectionsConfiguration.class);

    /**
     * The projections' one upkeep thread: rebuilds run on it ({@link ProjectionRebuilds}), and the watch
     * ({@link ProjectionWatch}) between them, never during one.
     */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService projectionWorker() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projection-rebuild");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Autowired
    void configureDeadLettering(EventProcessingConfigurer processing, ProjectionsProperties projections,
                                EventProcessorProperties axonProcessors, PlatformTransactionManager transactions,
                                EntityManagerFactory entityManagers, Clock clock) {
        EntityManager entities = SharedEntityManagerCreator.createSharedEntityManager(entityManagers);
        for (String group : projections.rebuildable()) {
            var cache = Optional.ofNullable(axonProcessors.getProcessors().get(group))
                    .map(settings -> settings.getDlq().getCache())
                    .filter(EventProcessorProperties.DlqCache::isEnabled);
            processing.registerDeadLetteringEventHandlerInvokerConfiguration(group, (config, builder) -> {
                // the application's handler definition: the same for every class of its class loader
                builder.allowReset(true)
                        .handlerDefinition(new SavepointsAfterFailure(group, config.handlerDefinition(getClass()),
                                transactions, entities, clock));
                cache.ifPresent(c -> builder.enableSequenceIdentifierCache().sequenceIdentifierCacheSize(c.getSize()));
                return builder;
            });
            processing.registerDeadLetterPolicy(group, config -> deadLetterWithWarning(group));
        }
    }

    /**
     * Dead-letters every failed event, as Axon does by default, with a warning. The cause's message goes into a text
     * column in the batch's transaction, so it is stripped of NUL characters, which PostgreSQL would refuse there as
     * in the projection itself.
     */
    private static EnqueuePolicy<EventMessage<?>> deadLetterWithWarning(String group) {
        return (letter, cause) -> {
            if (SavepointsAfterFailure.abandoningTheBatch()) {
                throw new BatchAbandonedException(group, cause);
            }
            EventMessage<?> event = letter.message();
            log.warn("Projection {} could not handle event {} ({}): dead-lettered, and the later events of its "
                    + "sequence are parked behind it until it is retried", group, event.getIdentifier(),
                    event.getPayloadType().getName(), cause);
            ThrowableCause truncated = ThrowableCause.truncated(cause);
            String message = truncated.message() == null ? null : truncated.message().replace("\0", "");
            return Decisions.enqueue(new ThrowableCause(truncated.type(), message));
        };
    }

    /** Fails a batch that a handler failed in without a savepoint, so that it is retried with them. */
    static final class BatchAbandonedException extends RuntimeException {

        BatchAbandonedException(String group, Throwable cause) {
            super("Projection " + group + " abandons its batch, to retry it with savepoints", cause);
        }
    }
}
