package com.watchparty.app.ops;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code eventProcessors} health: each projection's processor, whether it runs, and any segment stuck in error.
 * Part of readiness, so an instance whose projections are broken takes no traffic.
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean healthy = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (var processor : processing.eventProcessors().values()) {
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("running", processor.isRunning());
            status.put("error", processor.isError());
            if (processor instanceof StreamingEventProcessor streaming) {
                var segments = streaming.processingStatus();
                status.put("claimedSegments", segments.size());
                status.put("replaying", segments.values().stream().anyMatch(s -> s.isReplaying()));
                status.put("segmentsInError", segments.values().stream().filter(s -> s.isErrorState()).count());
                healthy &= segments.values().stream().noneMatch(s -> s.isErrorState());
            }
            healthy &= processor.isRunning() && !processor.isError();
            details.put(processor.getName(), status);
        }
        builder.status(healthy ? "UP" : "DOWN").withDetails(details);
    }
}
