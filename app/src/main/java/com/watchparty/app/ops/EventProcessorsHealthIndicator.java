package com.watchparty.app.ops;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code eventProcessors} health: each projection's processor, whether it runs, any segment stuck in error, and its
 * dead letters. Part of readiness, so an instance whose projections are broken takes no traffic. Dead letters leave
 * it up: each is one movie's or party's problem while everything else is projected, and every instance would see
 * the same letters, so counting them as down would take the whole service out of traffic for one bad event.
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final DeadLetters deadLetters;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing, DeadLetters deadLetters) {
        this.processing = processing;
        this.deadLetters = deadLetters;
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
            deadLetters.of(processor.getName()).ifPresent(letters -> status.put("deadLetters", letters));
            healthy &= processor.isRunning() && !processor.isError();
            details.put(processor.getName(), status);
        }
        builder.status(healthy ? "UP" : "DOWN").withDetails(details);
    }
}
