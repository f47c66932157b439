package com.watchparty.app.cluster;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.distributed.CommandBusConnectorCommunicationException;
import org.axonframework.commandhandling.distributed.DistributedCommandBus;
import org.axonframework.messaging.RemoteHandlingException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.Optional;

import static org.axonframework.commandhandling.GenericCommandResultMessage.asCommandResultMessage;

/**
 * Axon's distributed command bus, with two corrections for its callers. A failure on the instance a command was routed
 * to comes back only as a description of the remote exception; two of them are turned back into what the caller acts
 * on, so that the command is sent again (and, after the last retry, answered as such a failure here would be):
 * <ul>
 *     <li>a conflict on the party's event stream becomes the {@link ConcurrencyException} it was;</li>
 *     <li>no handler there means that instance is stopping and unsubscribed its handlers before the others heard it
 *     leave: the command was not handled, and goes again, to the instance that now holds the party.</li>
 * </ul>
 */
class RoutedCommandBus extends DistributedCommandBus {

    RoutedCommandBus(Builder builder) {
        super(builder);
    }

    @Override
    public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
        super.<C, R>dispatch(command, (message, result) -> callback.onResult(message, asLocalFailure(result)));
    }

    @SuppressWarnings("unchecked")
    private static <R> CommandResultMessage<R> asLocalFailure(CommandResultMessage<R> result) {
        return remoteFailure(result)
                .map(RemoteHandlingException::getExceptionDescriptions)
                .<RuntimeException>map(causes -> {
                    Optional<String> conflict = causes.stream()
                            .filter(cause -> cause.startsWith(ConcurrencyException.class.getName())).findFirst();
                    if (conflict.isPresent()) {
                        return new ConcurrencyException("on the instance the command was routed to: " + conflict.get());
                    }
                    if (causes.get(0).startsWith(NoHandlerForCommandException.class.getName())) {
                        return new CommandBusConnectorCommunicationException("the instance the command was routed to "
                                + "is leaving: " + causes.get(0));
                    }
                    return null;
                })
                .map(failure -> (CommandResultMessage<R>) asCommandResultMessage(failure))
                .orElse(result);
    }

    private static Optional<RemoteHandlingException> remoteFailure(CommandResultMessage<?> result) {
        if (result.isExceptional()) {
            for (Throwable t = result.exceptionResult(); t != null; t = t.getCause()) {
                if (t instanceof RemoteHandlingException remote && !remote.getExceptionDescriptions().isEmpty()) {
                    return Optional.of(remote);
                }
            }
        }
        return Optional.empty();
    }
}
