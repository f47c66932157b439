package com.watchparty.app.ops;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code eventProcessors} health: each streaming processor, whether it runs, any segment in error or stalled, and its
 * dead letters, as {@code GET /admin/projections} tells them. Part of readiness, so an instance whose projections
 * are broken takes no traffic: DOWN when a processor is stopped, in error or stalled. Dead letters leave it UP: each
 * is one movie's or party's problem while everything else is projected, and every instance sees the same letters,
 * so counting them as down would take the whole service out of traffic for one bad event.
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final ProjectionStatuses projections;

    EventProcessorsHealthIndicator(ProjectionStatuses projections) {
        this.projections = projections;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean healthy = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (ProjectionStatus processor : projections.overview().projections()) {
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("running", processor.running());
            status.put("error", processor.error());
            status.put("stalled", processor.stalled());
            status.put("stalledSegments", processor.stalledSegments());
            status.put("claimedSegments", processor.claimedSegments());
            status.put("claimed", processor.segments().stream().map(ProjectionStatus.Segment::segment).toList());
            status.put("replaying", processor.replaying());
            status.put("segmentsInError", processor.segments().stream().map(ProjectionStatus.Segment::error)
                    .filter(Objects::nonNull).count());
            if (processor.deadLetters() != null) {
                status.put("deadLetters", processor.deadLetters());
            }
            healthy &= processor.running() && !processor.error() && !processor.stalled();
            details.put(processor.name(), status);
        }
        builder.status(healthy ? "UP" : "DOWN").withDetails(details);
    }
}
