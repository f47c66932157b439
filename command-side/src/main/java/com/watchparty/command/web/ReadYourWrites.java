package com.watchparty.command.web;

import jakarta.annotation.PreDestroy;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiPredicate;

/**
 * Sends a command and waits until the projection shows its effect, so the response a client gets is what the
 * next GET will return, from any instance. It subscribes once the command has succeeded, and only then reads the
 * view: whatever the projection did before the subscription is in that first read, whatever it does after arrives
 * as an update, so nothing slips by in between; and a refused command (a sold-out purchase in a rush) costs no
 * subscription at all. Updates reach it only from projections running in this JVM; when another instance projects
 * the resource, asking the view again every poll interval finds what that instance projected.
 * <p>
 * Each poll runs on a small pool of its own, never on the timer's thread: the poll is cancelled as soon as the
 * view shows the command, and Reactor cancels a running timer task by interrupting its thread. An interrupt in the
 * middle of a query left Axon's time limit on that query's unit of work running (its completion sees the interrupt
 * and gives up), so it warned every second and, a minute later, interrupted whatever that thread ran by then.
 */
@Component
@EnableConfigurationProperties(ReadYourWritesProperties.class)
public class ReadYourWrites {

    /** A poll is one indexed read; a few threads serve every request waiting for its view. */
    private static final int POLL_THREADS = 4;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Duration timeout;
    private final Duration pollInterval;
    private final ExecutorService polls = Executors.newFixedThreadPool(POLL_THREADS, r -> {
        Thread thread = new Thread(r, "read-your-writes-poll");
        thread.setDaemon(true);
        return thread;
    });

    ReadYourWrites(CommandGateway commands, QueryGateway queries, ReadYourWritesProperties properties) {
        this.commands = commands;
        this.queries = queries;
        this.timeout = properties.projectionWait();
        this.pollInterval = properties.projectionPollInterval();
    }

    @PreDestroy
    void stop() {
        polls.shutdownNow();
    }

    /** The command's result, and the view once it showed the command (empty if it did not in time). */
    public record Outcome<R, V>(R result, Optional<V> view) {
    }

    /**
     * @param caughtUp given the command's result and a version of the view, whether the view shows the command
     */
    public <R, V> Outcome<R, V> send(Object command, Object query, Class<V> viewType, BiPredicate<R, V> caughtUp) {
        return await(commands.<R>sendAndWait(command), query, viewType, caughtUp);
    }

    /**
     * Waits for the view to show a command that was sent another way (in a batch).
     *
     * @param result the command's result
     */
    public <R, V> Outcome<R, V> await(R result, Object query, Class<V> viewType, BiPredicate<R, V> caughtUp) {
        SubscriptionQueryResult<Optional<V>, V> views = queries.subscriptionQuery(
                query, ResponseTypes.optionalInstanceOf(viewType), ResponseTypes.instanceOf(viewType));
        // a tick that comes while the last poll still runs is dropped: one poll at a time per request
        Flux<V> polled = Flux.interval(pollInterval).onBackpressureDrop()
                .concatMap(tick -> Mono.fromFuture(() -> CompletableFuture
                        .supplyAsync(() -> queries.query(query, ResponseTypes.optionalInstanceOf(viewType)), polls)
                        .thenCompose(view -> view)).flatMap(Mono::justOrEmpty));
        // The updates are subscribed to from the start, with the first read of the view (initialResult, which runs
        // after the registration above): whether the view is found at once, later or never, the wait ends by
        // cancelling them, and that alone takes the update handler out of the emitter. The result is never closed:
        // closing completes the handler's sink, and a projection emitting to it at that moment logged an error.
        Optional<V> view = Flux.merge(views.initialResult().flatMap(Mono::justOrEmpty), views.updates(), polled)
                .filter(shown -> caughtUp.test(result, shown))
                .next()
                .timeout(timeout, Mono.empty())
                .blockOptional();
        return new Outcome<>(result, view);
    }

    /**
     * Creates a resource: 201 with its view, or 202 with its location if the projection is slow to show it.
     */
    public <V> ResponseEntity<V> create(Object command, Object query, Class<V> viewType, URI location) {
        return send(command, query, viewType, (result, view) -> true).view()
                .map(view -> ResponseEntity.created(location).body(view))
                .orElseGet(() -> ResponseEntity.accepted().location(location).build());
    }
}
