package com.watchparty.app.ops;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The streaming event processors of this instance and what their segments say, against the head of the event store:
 * what the status, the rebuilds and the watch of the projections read alike.
 */
@Component
class StreamingProcessors {

    private static final Logger log = LoggerFactory.getLogger(StreamingProcessors.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    StreamingProcessors(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    Stream<StreamingEventProcessor> all() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast);
    }

    Optional<StreamingEventProcessor> find(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }

    /** @throws RejectedException {@code not_found} if no streaming processor has that name */
    StreamingEventProcessor named(String name) {
        return find(name).orElseThrow(() ->
                new RejectedException(ErrorCode.NOT_FOUND, "no event processor named '" + name + "'"));
    }

    /** The position of the newest event in the store: {@code 0} when the store is empty. */
    long headPosition() {
        return Optional.ofNullable(eventStore.createHeadToken()).map(TrackingToken::position)
                .filter(OptionalLong::isPresent).map(OptionalLong::getAsLong).orElse(0L);
    }

    /** How many segments the processor has in its token store, claimed here or not; {@code null} if unreadable. */
    Integer totalSegments(String name) {
        try {
            var tokenStore = processing.tokenStore(name);
            return processing.transactionManager(name).fetchInTransaction(() -> tokenStore.fetchSegments(name).length);
        } catch (RuntimeException e) {
            log.debug("could not read the segments of {} from its token store", name, e);
            return null;
        }
    }

    /** A segment without a token yet is at the very start of the store. */
    static long positionOf(EventTrackerStatus segment) {
        return segment.getCurrentPosition().orElse(0L);
    }

    static long slowest(Collection<EventTrackerStatus> segments) {
        return segments.stream().mapToLong(StreamingProcessors::positionOf).min().orElse(0);
    }

    /**
     * Whether a segment still has events of the replay to handle. Axon flags a segment as replaying until it sees an
     * event <em>after</em> the reset point, so a segment that handled the last event before the reset would look
     * replaying until the next event is stored; at its reset position it has replayed everything.
     */
    static boolean replaying(EventTrackerStatus segment) {
        if (!segment.isReplaying()) {
            return false;
        }
        OptionalLong resetPosition = segment.getResetPosition();
        return resetPosition.isEmpty() || positionOf(segment) < resetPosition.getAsLong();
    }

    /** Whether the claimed segments together cover the whole segment space (a segment with mask m is 1/(m+1)). */
    static boolean coversAllSegments(Map<Integer, EventTrackerStatus> segments) {
        double share = segments.values().stream().mapToDouble(s -> 1.0 / (s.getSegment().getMask() + 1L)).sum();
        return share >= 1.0 - 1e-9;
    }
}
