package com.watchparty.command.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Sends a command and waits until the projection shows its effect, so the response a client gets is what the
 * next GET will return. It subscribes before sending, so no update can slip by in between.
 */
@Component
public class ReadYourWrites {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Duration timeout;

    ReadYourWrites(CommandGateway commands, QueryGateway queries,
                   @Value("${watchparty.web.projection-wait:5s}") Duration timeout) {
        this.commands = commands;
        this.queries = queries;
        this.timeout = timeout;
    }

    /**
     * @param caughtUp given the command's result and a version of the view, whether the view shows the command
     * @return the view once it shows the command, or empty if the projection did not catch up in time
     */
    public <V> Optional<V> send(Object command, Object query, Class<V> viewType, BiPredicate<Object, V> caughtUp) {
        try (SubscriptionQueryResult<Optional<V>, V> views = queries.subscriptionQuery(
                query, ResponseTypes.optionalInstanceOf(viewType), ResponseTypes.instanceOf(viewType))) {
            Object result = commands.sendAndWait(command);
            return views.initialResult().flatMap(Mono::justOrEmpty)
                    .concatWith(views.updates())
                    .filter(view -> caughtUp.test(result, view))
                    .next()
                    .timeout(timeout, Mono.empty())
                    .blockOptional();
        }
    }

    /**
     * Creates a resource: 201 with its view, or 202 with its location if the projection is slow to show it.
     */
    public <V> ResponseEntity<V> create(Object command, Object query, Class<V> viewType, URI location) {
        return send(command, query, viewType, (result, view) -> true)
                .map(view -> ResponseEntity.created(location).body(view))
                .orElseGet(() -> ResponseEntity.accepted().location(location).build());
    }
}
