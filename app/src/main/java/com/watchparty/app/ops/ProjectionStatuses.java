package com.watchparty.app.ops;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static com.watchparty.app.ops.StreamingProcessors.positionOf;
import static com.watchparty.app.ops.StreamingProcessors.replaying;
import static com.watchparty.app.ops.StreamingProcessors.slowest;

/**
 * How far every streaming processor is, as this instance sees it (the segments it claimed): its position against
 * the head of the store, whether it replays or has caught up, stalls, dead letters, and its latest rebuild.
 */
@Component
class ProjectionStatuses {

    private final StreamingProcessors processors;
    private final SegmentStalls stalls;
    private final DeadLetters deadLetters;
    private final ProjectionRebuilds rebuilds;
    private final ProjectionsProperties properties;

    ProjectionStatuses(StreamingProcessors processors, SegmentStalls stalls, DeadLetters deadLetters,
                       ProjectionRebuilds rebuilds, ProjectionsProperties properties) {
        this.processors = processors;
        this.stalls = stalls;
        this.deadLetters = deadLetters;
        this.rebuilds = rebuilds;
        this.properties = properties;
    }

    /** Every streaming processor, by name. */
    ProjectionStatus.Overview overview() {
        long head = processors.headPosition();
        return new ProjectionStatus.Overview(head, processors.all()
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .map(processor -> of(processor, head))
                .toList());
    }

    /** @throws com.watchparty.api.error.RejectedException {@code not_found} for an unknown processor */
    ProjectionStatus of(String name) {
        return of(processors.named(name), processors.headPosition());
    }

    private ProjectionStatus of(StreamingEventProcessor processor, long head) {
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
                processors.totalSegments(name), position, head, percent(position, head), rebuilds.latest(name),
                segments);
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
}
