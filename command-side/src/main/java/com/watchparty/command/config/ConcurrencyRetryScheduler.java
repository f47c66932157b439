package com.watchparty.command.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Retries a command only when another node appended to the same aggregate first (a {@link ConcurrencyException}
 * from the event store's unique key); a refused command is never retried.
 */
class ConcurrencyRetryScheduler implements RetryScheduler {

    private final RetryScheduler backOff;

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
        return isConflict(lastFailure) && backOff.scheduleRetry(commandMessage, lastFailure, failures, commandDispatch);
    }

    private static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
