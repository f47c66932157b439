package com.watchparty.command.config;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import com.watchparty.api.error.Rejection;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Turns a refused command into a {@link CommandExecutionException} whose details are a {@link Rejection}.
 * Details are what survives a distributed command bus, so callers see the same outcome on one node or many.
 */
@Component
class RejectionInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (RejectedException e) {
            throw rejected(e.rejection());
        } catch (AggregateNotFoundException e) {
            throw rejected(new Rejection(ErrorCode.PARTY_NOT_FOUND, "no watch party with id " + e.getAggregateIdentifier(),
                    null));
        }
    }

    private static CommandExecutionException rejected(Rejection rejection) {
        // no stack trace: a refusal is an answer, not a fault, and a sold-out rush refuses thousands a second
        return new CommandExecutionException(rejection.message(), null, rejection, false);
    }
}
