package com.watchparty.app.ops;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Which segments of each streaming processor have stalled: in error, or not moved for longer than
 * {@code watchparty.projections.stall-after} while the head of the event store is ahead of them.
 * <p>
 * A segment whose batch fails at every attempt is in error only for a moment: Axon releases it, and claims it again
 * after a back-off of up to a minute, at the same position. So a segment's last position is remembered while no node
 * holds it (it is available to this one), and forgotten once another node does (that node reports it).
 */
@Component
class SegmentStalls {

    /** Where a segment was last seen, and since when it has been there. */
    private record Progress(long position, Instant since) {
    }

    private final EventProcessingConfiguration processing;
    private final ProjectionsProperties properties;
    private final Clock clock;
    private final Map<String, Map<Integer, Progress>> progress = new ConcurrentHashMap<>();

    SegmentStalls(EventProcessingConfiguration processing, ProjectionsProperties properties, Clock clock) {
        this.processing = processing;
        this.properties = properties;
        this.clock = clock;
    }

    /** Notes where the processor's segments are now: called every {@code watch-interval}. */
    void sample(StreamingEventProcessor processor, long head) {
        Instant now = clock.instant();
        Map<Integer, EventTrackerStatus> claimed = processor.processingStatus();
        Set<Integer> heldByNoOne = availableSegments(processor.getName());
        heldByNoOne.removeAll(claimed.keySet());
        Map<Integer, Progress> segments = progress.computeIfAbsent(processor.getName(),
                name -> new ConcurrentHashMap<>());
        segments.keySet().removeIf(segment -> !claimed.containsKey(segment) && !heldByNoOne.contains(segment));
        claimed.forEach((segment, status) -> segments.merge(segment,
                new Progress(StreamingProcessors.positionOf(status), now),
                (before, current) -> before.position() == current.position() && current.position() < head
                        ? before : current));
        // a segment that nobody holds goes nowhere: it stays where it was last seen (one never seen here: from now)
        heldByNoOne.forEach(segment -> segments.putIfAbsent(segment, new Progress(0, now)));
    }

    /** The processor's stalled segments, by id. */
    SortedSet<Integer> stalled(StreamingEventProcessor processor, long head) {
        Instant stalledSince = clock.instant().minus(properties.stallAfter());
        SortedSet<Integer> stalled = processor.processingStatus().values().stream()
                .filter(EventTrackerStatus::isErrorState)
                .map(status -> status.getSegment().getSegmentId())
                .collect(Collectors.toCollection(TreeSet::new));
        progress.getOrDefault(processor.getName(), Map.of()).forEach((segment, last) -> {
            if (last.position() < head && !last.since().isAfter(stalledSince)) {
                stalled.add(segment);
            }
        });
        return stalled;
    }

    /** The segments no other node holds, from the processor's token store. */
    private Set<Integer> availableSegments(String name) {
        var tokenStore = processing.tokenStore(name);
        return processing.transactionManager(name).fetchInTransaction(() -> tokenStore.fetchAvailableSegments(name))
                .stream().map(Segment::getSegmentId).collect(Collectors.toCollection(HashSet::new));
    }
}
