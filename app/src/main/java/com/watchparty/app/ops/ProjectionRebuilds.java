package com.watchparty.app.ops;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import com.watchparty.app.ops.ProjectionStatus.Rebuild;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Rebuilds a projection from the event store, and tells how far every streaming processor is, whether it has
 * stalled and what it could not handle.
 * <p>
 * A rebuild runs in the background on one thread of its own: the processor is shut down (releasing its segments),
 * its tokens are reset to the start of the store, which runs the projection's {@code @ResetHandler} (emptying its
 * tables) in the same transaction, and it is started again, now replaying. A watcher on that thread, every
 * {@code watch-interval}, notes where every processor's segments are (for {@link SegmentStalls}) and logs once when
 * a replay has caught up. If the reset fails (e.g. another instance holds a segment), nothing was emptied and the
 * processor resumes where it was.
 */
@Component
class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    /** Watcher checks a rebuild may look caught up on only some segments before it counts as caught up. */
    private static final int PARTIAL_CATCH_UP_CHECKS = 5;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final DeadLetters deadLetters;
    private final SegmentStalls stalls;
    private final ProjectionsProperties properties;
    private final Clock clock;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final Map<String, Integer> partialCatchUps = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closing;

    ProjectionRebuilds(EventProcessingConfiguration processing, EventStore eventStore, DeadLetters deadLetters,
                       SegmentStalls stalls, ProjectionsProperties properties, Clock clock) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.deadLetters = deadLetters;
        this.stalls = stalls;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Watching starts once the application is ready: earlier, the watcher's first look at the processors could
     * build Axon's configuration on its own thread while other beans were still registering processors with it (the
     * per-instance {@code room-feed} then became a shared processor of the token store).
     */
    @EventListener(ApplicationReadyEvent.class)
    void startWatching() {
        long interval = properties.watchInterval().toMillis();
        worker.scheduleWithFixedDelay(this::watch, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Every streaming processor, by name. */
    ProjectionStatus.Overview statuses() {
        long head = headPosition();
        return new ProjectionStatus.Overview(head, streamingProcessors()
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .map(processor -> status(processor, head))
                .toList());
    }

    ProjectionStatus status(String name) {
        return status(processor(name), headPosition());
    }

    /**
     * Starts rebuilding a projection and answers at once with its status (the rebuild {@code stopping}).
     *
     * @throws RejectedException {@code not_found} for an unknown processor, {@code not_rebuildable} for one that is
     *                           no projection, {@code reset_not_supported} if its handlers cannot be reset,
     *                           {@code rebuild_in_progress} while an earlier rebuild is still stopping or resetting it
     */
    ProjectionStatus rebuild(String name) {
        StreamingEventProcessor processor = processor(name);
        if (!properties.isRebuildable(name)) {
            throw new RejectedException(ErrorCode.NOT_REBUILDABLE, "'" + name + "' is not a projection and is never "
                    + "rebuilt; projections: " + String.join(", ", properties.rebuildable()));
        }
        if (!processor.supportsReset()) {
            throw new RejectedException(ErrorCode.RESET_NOT_SUPPORTED,
                    "the handlers of '" + name + "' do not support a reset");
        }
        rebuilds.compute(name, (key, previous) -> {
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
            update(name, rebuild -> rebuild.failed(clock.instant(), "the service is shutting down"));
        }
        return status(processor, headPosition());
    }

    private void run(StreamingEventProcessor processor) {
        String name = processor.getName();
        long head = headPosition();
        log.info("Rebuilding projection {}: stopping its processor, emptying it and replaying the event store "
                + "(head at {})", name, head);
        try {
            processor.shutDown();
            update(name, Rebuild::resetting);
            head = headPosition();
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

    /** Notes where every processor's segments are, for stalls; logs each rebuild once, when it has caught up. */
    private void watch() {
        try {
            long head = headPosition();
            streamingProcessors().forEach(processor -> stalls.sample(processor, head));
            rebuilds.forEach((name, rebuild) -> {
                if (rebuild.state() == Rebuild.State.REPLAYING) {
                    processing.eventProcessor(name, StreamingEventProcessor.class).ifPresent(p -> check(p, rebuild));
                }
            });
        } catch (RuntimeException e) {
            log.debug("checking the processors failed; checking again later", e);
        }
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

    private ProjectionStatus status(StreamingEventProcessor processor, long head) {
        String name = processor.getName();
        Map<Integer, EventTrackerStatus> claimed = processor.processingStatus();
        List<ProjectionStatus.Segment> segments = claimed.values().stream()
                .sorted(Comparator.comparingInt(s -> s.getSegment().getSegmentId()))
                .map(s -> new ProjectionStatus.Segment(s.getSegment().getSegmentId(), positionOf(s),
                        s.getResetPosition().isPresent() ? s.getResetPosition().getAsLong() : null,
                        replaying(s), s.isCaughtUp(), s.isErrorState() ? message(s.getError()) : null))
                .toList();
        boolean replaying = segments.stream().anyMatch(ProjectionStatus.Segment::replaying);
        boolean error = processor.isError() || claimed.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        List<Integer> stalled = List.copyOf(stalls.stalled(processor, head));
        Long position = claimed.isEmpty() ? null : slowest(claimed.values());
        boolean caughtUp = processor.isRunning() && !error && stalled.isEmpty() && !replaying && position != null
                && position >= head;
        return new ProjectionStatus(name, properties.isRebuildable(name), processor.isRunning(), replaying, caughtUp,
                error, !stalled.isEmpty(), stalled, deadLetters.of(name).orElse(null), claimed.size(),
                totalSegments(name), position, head, percent(position, head), rebuilds.get(name), segments);
    }

    private Stream<StreamingEventProcessor> streamingProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast);
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow(() ->
                new RejectedException(ErrorCode.NOT_FOUND, "no event processor named '" + name + "'"));
    }

    private Rebuild update(String name, UnaryOperator<Rebuild> change) {
        return rebuilds.computeIfPresent(name, (key, rebuild) -> change.apply(rebuild));
    }

    private Integer totalSegments(String name) {
        try {
            var tokenStore = processing.tokenStore(name);
            return processing.transactionManager(name).fetchInTransaction(() -> tokenStore.fetchSegments(name).length);
        } catch (RuntimeException e) {
            log.debug("could not read the segments of {} from its token store", name, e);
            return null;
        }
    }

    /** The position of the newest event in the store: {@code 0} when the store is empty. */
    private long headPosition() {
        return Optional.ofNullable(eventStore.createHeadToken()).map(TrackingToken::position)
                .filter(OptionalLong::isPresent).map(OptionalLong::getAsLong).orElse(0L);
    }

    private static long slowest(Collection<EventTrackerStatus> segments) {
        return segments.stream().mapToLong(ProjectionRebuilds::positionOf).min().orElse(0);
    }

    /**
     * Whether a segment still has events of the replay to handle. Axon flags a segment as replaying until it sees an
     * event <em>after</em> the reset point, so a segment that handled the last event before the reset would look
     * replaying until the next event is stored; at its reset position it has replayed everything.
     */
    private static boolean replaying(EventTrackerStatus segment) {
        if (!segment.isReplaying()) {
            return false;
        }
        OptionalLong resetPosition = segment.getResetPosition();
        return resetPosition.isEmpty() || positionOf(segment) < resetPosition.getAsLong();
    }

    /** A segment without a token yet is at the very start of the store. */
    static long positionOf(EventTrackerStatus segment) {
        return segment.getCurrentPosition().orElse(0L);
    }

    /** Whether the claimed segments together cover the whole segment space (a segment with mask m is 1/(m+1)). */
    private static boolean coversAllSegments(Map<Integer, EventTrackerStatus> segments) {
        double share = segments.values().stream().mapToDouble(s -> 1.0 / (s.getSegment().getMask() + 1L)).sum();
        return share >= 1.0 - 1e-9;
    }

    private static Double percent(Long position, long head) {
        if (position == null) {
            return null;
        }
        if (head <= 0 || position >= head) {
            return 100.0;
        }
        return Math.floor(position * 1000.0 / head) / 10.0;
    }

    private static String message(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        return error.getMessage() != null ? error.getClass().getSimpleName() + ": " + error.getMessage()
                : error.getClass().getSimpleName();
    }

    /** A projection listed as rebuildable that no processor has is a typo in the configuration: say so once. */
    @EventListener(ApplicationReadyEvent.class)
    void checkConfiguration() {
        for (String name : properties.rebuildable()) {
            if (processing.eventProcessor(name, StreamingEventProcessor.class).isEmpty()) {
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

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
