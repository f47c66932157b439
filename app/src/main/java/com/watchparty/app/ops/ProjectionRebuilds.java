package com.watchparty.app.ops;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import com.watchparty.app.ops.ProjectionStatus.Rebuild;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.UnaryOperator;

import static com.watchparty.app.ops.StreamingProcessors.coversAllSegments;
import static com.watchparty.app.ops.StreamingProcessors.replaying;
import static com.watchparty.app.ops.StreamingProcessors.slowest;

/**
 * Rebuilds a projection from the event store, and follows each rebuild until it has caught up.
 * <p>
 * A rebuild runs in the background on the projections' worker thread: the processor is shut down (releasing its
 * segments), its tokens are reset to the start of the store, which runs the projection's {@code @ResetHandler}
 * (emptying its tables) in the same transaction, and it is started again, now replaying. {@link ProjectionWatch}
 * asks, every {@code watch-interval} on the same thread, whether a replay has caught up, which is logged once. If the
 * reset fails (e.g. another instance holds a segment), nothing was emptied and the processor resumes where it was.
 */
@Component
class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    /** Watcher checks a rebuild may look caught up on only some segments before it counts as caught up. */
    private static final int PARTIAL_CATCH_UP_CHECKS = 5;

    private final StreamingProcessors processors;
    private final ProjectionsProperties properties;
    private final Clock clock;
    private final Executor worker;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final Map<String, Integer> partialCatchUps = new ConcurrentHashMap<>();
    private volatile boolean closing;

    ProjectionRebuilds(StreamingProcessors processors, ProjectionsProperties properties, Clock clock,
                       Executor projectionWorker) {
        this.processors = processors;
        this.properties = properties;
        this.clock = clock;
        this.worker = projectionWorker;
    }

    /**
     * Starts rebuilding a projection and answers at once with the rebuild ({@code stopping}).
     *
     * @throws RejectedException {@code not_found} for an unknown processor, {@code not_rebuildable} for one that is
     *                           no projection, {@code reset_not_supported} if its handlers cannot be reset,
     *                           {@code rebuild_in_progress} while an earlier rebuild is still stopping or resetting it
     */
    Rebuild rebuild(String name) {
        StreamingEventProcessor processor = processors.named(name);
        if (!properties.isRebuildable(name)) {
            throw new RejectedException(ErrorCode.NOT_REBUILDABLE, "'" + name + "' is not a projection and is never "
                    + "rebuilt; projections: " + String.join(", ", properties.rebuildable()));
        }
        if (!processor.supportsReset()) {
            throw new RejectedException(ErrorCode.RESET_NOT_SUPPORTED,
                    "the handlers of '" + name + "' do not support a reset");
        }
        Rebuild requested = rebuilds.compute(name, (key, previous) -> {
            if (previous != null && previous.inFlight()) {
                throw new RejectedException(ErrorCode.REBUILD_IN_PROGRESS,
                        "'" + name + "' is being " + (previous.state() == Rebuild.State.STOPPING ? "stopped" : "reset")
                                + " for a rebuild; try again in a moment");
            }
            return Rebuild.requested(clock.instant());
        });
        partialCatchUps.remove(name);
        try {
            worker.execute(() -> run(processor));
        } catch (RejectedExecutionException e) {
            return update(name, rebuild -> rebuild.failed(clock.instant(), "the service is shutting down"));
        }
        return requested;
    }

    /** The latest rebuild of the projection since this instance started, or {@code null}. */
    Rebuild latest(String name) {
        return rebuilds.get(name);
    }

    private void run(StreamingEventProcessor processor) {
        String name = processor.getName();
        long head = processors.headPosition();
        log.info("Rebuilding projection {}: stopping its processor, emptying it and replaying the event store "
                + "(head at {})", name, head);
        try {
            processor.shutDown();
            update(name, Rebuild::resetting);
            head = processors.headPosition();
            processor.resetTokens();
            long headAtReset = head;
            update(name, rebuild -> rebuild.replaying(clock.instant(), headAtReset));
        } catch (RuntimeException e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            update(name, rebuild -> rebuild.failed(clock.instant(), reason));
            log.warn("Rebuild of projection {} failed, it resumes where it was: {}", name, reason);
        } finally {
            if (!closing) {
                processor.start();
            }
        }
    }

    /** Marks each replaying rebuild that has caught up with the store, and logs it once. */
    void checkCaughtUp() {
        rebuilds.forEach((name, rebuild) -> {
            if (rebuild.state() == Rebuild.State.REPLAYING) {
                processors.find(name).ifPresent(processor -> check(processor, rebuild));
            }
        });
    }

    private void check(StreamingEventProcessor processor, Rebuild rebuild) {
        String name = processor.getName();
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        if (!processor.isRunning() || segments.isEmpty()
                || segments.values().stream().anyMatch(s -> replaying(s) || s.isErrorState())) {
            partialCatchUps.remove(name);
            return;
        }
        // segments claimed by another instance are not seen here: give them a few checks to be claimed here
        boolean allHere = coversAllSegments(segments);
        if (!allHere && partialCatchUps.merge(name, 1, Integer::sum) < PARTIAL_CATCH_UP_CHECKS) {
            return;
        }
        partialCatchUps.remove(name);
        Rebuild done = update(name, r -> r == rebuild ? r.caughtUp(clock.instant()) : r);
        if (done != null && done.state() == Rebuild.State.CAUGHT_UP && done != rebuild) {
            log.info("Projection {} rebuilt: caught up with the event store at position {} in {} ms{}", name,
                    slowest(segments.values()), Duration.between(done.replayStartedAt(), done.finishedAt()).toMillis(),
                    allHere ? "" : " (on the " + segments.size() + " segments this instance claimed)");
        }
    }

    private Rebuild update(String name, UnaryOperator<Rebuild> change) {
        return rebuilds.computeIfPresent(name, (key, rebuild) -> change.apply(rebuild));
    }

    /** A projection listed as rebuildable that no processor has is a typo in the configuration: say so once. */
    @EventListener(ApplicationReadyEvent.class)
    void checkConfiguration() {
        for (String name : properties.rebuildable()) {
            if (processors.find(name).isEmpty()) {
                log.warn("watchparty.projections.rebuildable lists '{}', but there is no streaming event processor "
                        + "of that name", name);
            }
        }
    }

    /** No processor is started again once the service is stopping (Axon shuts them all down). */
    @EventListener(ContextClosedEvent.class)
    void closing() {
        closing = true;
    }
}
