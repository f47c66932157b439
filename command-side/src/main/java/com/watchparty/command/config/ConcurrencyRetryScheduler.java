package com.watchparty.command.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.distributed.CommandBusConnectorCommunicationException;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Retries a command only when another node appended to the same aggregate first (a {@link ConcurrencyException}
 * from the event store's unique key, here or on the instance the command was routed to), or when the instance it was
 * routed to left before answering (the retry goes to the instance that now holds the party); a refused command is
 * never retried. It counts its retries: with commands routed by party, conflicts should be rare.
 */
public class ConcurrencyRetryScheduler implements RetryScheduler {

    private final RetryScheduler backOff;
    private final AtomicLong retries = new AtomicLong();

    ConcurrencyRetryScheduler(ScheduledExecutorService executor, int maxRetries) {
        this.backOff = ExponentialBackOffIntervalRetryScheduler.builder()
                .retryExecutor(executor)
                .backoffFactor(20)
                .maxRetryCount(maxRetries)
                .build();
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        boolean retried = isRetryable(lastFailure)
                && backOff.scheduleRetry(commandMessage, lastFailure, failures, commandDispatch);
        if (retried) {
            retries.incrementAndGet();
        }
        return retried;
    }

    /** How many commands were sent again so far. */
    public long retries() {
        return retries.get();
    }

    private static boolean isRetryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof CommandBusConnectorCommunicationException) {
                return true;
            }
        }
        return false;
    }
}
