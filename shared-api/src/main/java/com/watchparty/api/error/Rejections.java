package com.watchparty.api.error;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryExecutionException;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one translation of a failure into what a client is told, for REST problems and socket acks alike: a rule's
 * refusal as it was refused, a lost race as {@code concurrent_modification}, anything else as {@code internal_error}
 * (a fault of the service, which the caller logs). Wrappers that only carry a failure across a thread or the bus
 * ({@link CompletionException}, {@link ExecutionException}, Axon's {@link QueryExecutionException}) are looked
 * through.
 */
public final class Rejections {

    /** What a client is told about a fault of the service; the failure itself goes to the log, never to the client. */
    public static final Rejection INTERNAL_ERROR = new Rejection(ErrorCode.INTERNAL_ERROR,
            "the service failed; it has been logged", null);

    static final Rejection CONCURRENT_MODIFICATION = new Rejection(ErrorCode.CONCURRENT_MODIFICATION,
            "the party changed at the same moment; please try again", null);

    private Rejections() {
    }

    /** The rejection to answer with; {@link #INTERNAL_ERROR} when the failure is no refusal and no lost race. */
    public static Rejection of(Throwable failure) {
        Throwable cause = unwrapped(failure);
        return refusalIn(cause)
                .or(() -> cause instanceof ConcurrencyException ? Optional.of(CONCURRENT_MODIFICATION) : Optional.empty())
                .orElse(INTERNAL_ERROR);
    }

    /**
     * The refusal by a rule that the failure carries: a {@link RejectedException}, or the {@link Rejection} in the
     * details of a {@link CommandExecutionException} (how a refusal crosses the command bus, from any instance).
     */
    public static Optional<Rejection> refusalIn(Throwable failure) {
        Throwable cause = unwrapped(failure);
        if (cause instanceof RejectedException rejected) {
            return Optional.of(rejected.rejection());
        }
        if (cause instanceof CommandExecutionException refused
                && refused.getDetails().orElse(null) instanceof Rejection rejection) {
            return Optional.of(rejection);
        }
        return Optional.empty();
    }

    private static Throwable unwrapped(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException
                || cause instanceof QueryExecutionException)
                && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
