package com.watchparty.app.ops;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import java.lang.reflect.Executable;
import java.util.Optional;

/**
 * Runs each event handler of a projection in a savepoint of its batch's transaction.
 * <p>
 * Why: a pooled processor handles a batch of events in one transaction, and one failed statement aborts the whole
 * PostgreSQL transaction. Axon's {@code DeadLetteringEventHandlerInvoker} catches the handler's failure and enqueues
 * the event in that same unit of work, so without a savepoint the dead letter's insert failed too ("current
 * transaction is aborted"), the batch rolled back and the segment retried it forever. Rolled back to its savepoint,
 * the failed event leaves nothing behind; its dead letter, the rest of the batch and the token then commit together.
 * A projection on JPA entities writes at a flush, not at each change: the handler's changes are flushed before the
 * savepoint is released, so that a statement refused by PostgreSQL fails inside it too.
 */
final class SavepointPerEvent implements HandlerDefinition {

    private static final TransactionDefinition SAVEPOINT =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

    private final HandlerDefinition handlers;
    private final PlatformTransactionManager transactions;

    /**
     * @param handlers     creates the handlers as Axon would (parameters, interceptors, tracing...)
     * @param transactions the manager of the processors' transactions, whose savepoints these are
     */
    SavepointPerEvent(HandlerDefinition handlers, PlatformTransactionManager transactions) {
        this.handlers = handlers;
        this.transactions = transactions;
    }

    @Override
    public <T> Optional<MessageHandlingMember<T>> createHandler(Class<T> declaringType,
                                                                Executable executable,
                                                                ParameterResolverFactory resolvers) {
        return handlers.createHandler(declaringType, executable, resolvers)
                .map(handler -> handler.canHandleMessageType(EventMessage.class) ? inSavepoint(handler) : handler);
    }

    private <T> MessageHandlingMember<T> inSavepoint(MessageHandlingMember<T> handler) {
        return new WrappedMessageHandlingMember<>(handler) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                TransactionStatus savepoint = transactions.getTransaction(SAVEPOINT);
                Object result;
                try {
                    result = super.handle(message, target);
                    savepoint.flush(); // entities changed by the handler are written now, inside the savepoint
                } catch (Exception | Error e) {
                    transactions.rollback(savepoint);
                    throw e;
                }
                transactions.commit(savepoint);
                return result;
            }
        };
    }
}
