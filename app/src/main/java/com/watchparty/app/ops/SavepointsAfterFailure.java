package com.watchparty.app.ops;

import jakarta.persistence.EntityManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import java.lang.reflect.Executable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Runs a projection's event handlers in savepoints of their batch's transaction once a batch of it has failed.
 * <p>
 * Why savepoints: a pooled processor handles a batch of events in one transaction, and one failed statement aborts
 * the whole PostgreSQL transaction. Axon's {@code DeadLetteringEventHandlerInvoker} catches the handler's failure and
 * enqueues the event in that same unit of work, so without a savepoint the dead letter's insert fails too ("current
 * transaction is aborted"), the batch rolls back and the segment retries it forever. Rolled back to its savepoint,
 * the failed event leaves nothing behind; its dead letter, the rest of the batch and the token then commit together.
 * <p>
 * Why only after a failure: a savepoint costs two round trips to PostgreSQL per event (set, release), as many as a
 * typical handler's own work, and handlers almost never fail. So batches run without them. When a handler fails, its
 * batch is abandoned ({@link #abandoningTheBatch}: nothing is dead-lettered, nothing commits), and when a batch fails
 * at its commit (a statement refused at the flush), it is rolled back; either way, for the next {@link #CAREFUL_FOR}
 * the projection's handlers run in savepoints, so the segment's retry of that batch, a second or two later,
 * dead-letters the failed event alone. Retries of dead letters always run in savepoints ({@link #carefully}). Each
 * handler's entity changes are flushed when it returns, so that JDBC statements of the next event see them.
 */
final class SavepointsAfterFailure implements HandlerDefinition {

    private static final Logger log = LoggerFactory.getLogger(SavepointsAfterFailure.class);

    /**
     * How long a projection runs in savepoints after a failed batch: long enough for its segment to be claimed and
     * the batch retried, here or on another instance (which then fails the batch once itself and turns careful too).
     */
    static final Duration CAREFUL_FOR = Duration.ofMinutes(2);

    private static final TransactionDefinition SAVEPOINT =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);
    /** The batch's resource that says a handler of it failed with no savepoint to roll back to. */
    private static final String ABANDONED = SavepointsAfterFailure.class.getName() + ".abandoned";
    /** Set while this thread retries dead letters, which are handled one by one, never as a batch to abandon. */
    private static final ThreadLocal<Boolean> RETRYING = ThreadLocal.withInitial(() -> false);

    private final String projection;
    private final HandlerDefinition handlers;
    private final PlatformTransactionManager transactions;
    private final EntityManager entities;
    private final Clock clock;
    /** The batch's resource that says this projection watches the batch's rollback already. */
    private final String watched;
    private volatile Instant carefulUntil = Instant.MIN;

    /**
     * @param projection   the processing group
     * @param handlers     creates the handlers as Axon would (parameters, interceptors, tracing...)
     * @param transactions the manager of the processors' transactions, whose savepoints these are
     * @param entities     the transaction's persistence context (a shared proxy)
     */
    SavepointsAfterFailure(String projection, HandlerDefinition handlers, PlatformTransactionManager transactions,
                           EntityManager entities, Clock clock) {
        this.projection = projection;
        this.handlers = handlers;
        this.transactions = transactions;
        this.entities = entities;
        this.clock = clock;
        this.watched = SavepointsAfterFailure.class.getName() + ".watched." + projection;
    }

    /** Runs {@code retry}, which hands dead letters to their handlers, with every handler in a savepoint. */
    static <T> T carefully(Supplier<T> retry) {
        RETRYING.set(true);
        try {
            return retry.get();
        } finally {
            RETRYING.remove();
        }
    }

    /**
     * Whether the current batch is to be abandoned rather than its failed event dead-lettered: the failure left the
     * transaction aborted, or the handler's statements before the failure in it. The dead-letter policy then fails
     * the batch at once.
     */
    static boolean abandoningTheBatch() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root().resources().containsKey(ABANDONED);
    }

    @Override
    public <T> Optional<MessageHandlingMember<T>> createHandler(Class<T> declaringType,
                                                                Executable executable,
                                                                ParameterResolverFactory resolvers) {
        return handlers.createHandler(declaringType, executable, resolvers)
                .map(handler -> handler.canHandleMessageType(EventMessage.class) ? guarded(handler) : handler);
    }

    private <T> MessageHandlingMember<T> guarded(MessageHandlingMember<T> handler) {
        return new WrappedMessageHandlingMember<>(handler) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (RETRYING.get() || clock.instant().isBefore(carefulUntil)) {
                    return inSavepoint(() -> super.handle(message, target));
                }
                UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
                if (batch.resources().putIfAbsent(watched, Boolean.TRUE) == null) {
                    batch.onRollback(rolledBack -> failed());
                }
                try {
                    Object result = super.handle(message, target);
                    entities.flush();
                    return result;
                } catch (Exception | Error e) {
                    batch.resources().put(ABANDONED, Boolean.TRUE);
                    failed();
                    throw e;
                }
            }
        };
    }

    private Object inSavepoint(Callable<Object> handling) throws Exception {
        TransactionStatus savepoint = transactions.getTransaction(SAVEPOINT);
        Object result;
        try {
            result = handling.call();
            savepoint.flush(); // entities changed by the handler are written now, inside the savepoint
        } catch (Exception | Error e) {
            transactions.rollback(savepoint);
            throw e;
        }
        transactions.commit(savepoint);
        return result;
    }

    private void failed() {
        if (!clock.instant().isBefore(carefulUntil)) {
            log.info("Projection {} failed a batch: its handlers run in savepoints for {}, so that the batch's retry "
                    + "dead-letters the failed event alone", projection, CAREFUL_FOR);
        }
        carefulUntil = clock.instant().plus(CAREFUL_FOR);
    }
}
