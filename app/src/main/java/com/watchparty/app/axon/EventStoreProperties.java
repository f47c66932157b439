package com.watchparty.app.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code watchparty.event-store.*}: the event store in PostgreSQL. Defaults in {@code application.yml}.
 *
 * @param fetchDelay   how soon a processor looks again for events that another instance appended, should their
 *                     {@code events_appended} notification be missed; notified events wake the processors at once
 * @param wakeInterval the least time between two wake-ups of the projections: an event after a quiet spell wakes
 *                     them at once, and under load the events of an interval are projected together, as one batch
 * @param logWakeInterval the same for the projections of a party's log ({@code party-log}, {@code replay-timeline}),
 *                     which take every chat line and which nobody waits for: a busy party's log is projected in
 *                     fewer, larger batches
 */
@ConfigurationProperties("watchparty.event-store")
public record EventStoreProperties(Duration fetchDelay, Duration wakeInterval, Duration logWakeInterval) {

    public EventStoreProperties {
        if (fetchDelay == null || fetchDelay.isNegative()) {
            throw new IllegalArgumentException("watchparty.event-store.fetch-delay must be zero or positive");
        }
        if (wakeInterval == null || wakeInterval.isNegative()) {
            throw new IllegalArgumentException("watchparty.event-store.wake-interval must be zero or positive");
        }
        if (logWakeInterval == null || logWakeInterval.isNegative()) {
            throw new IllegalArgumentException("watchparty.event-store.log-wake-interval must be zero or positive");
        }
    }
}
