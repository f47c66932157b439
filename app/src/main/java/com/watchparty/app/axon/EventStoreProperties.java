package com.watchparty.app.axon;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code watchparty.event-store.*}: the event store in PostgreSQL. Defaults in {@code application.yml}; each is zero
 * or more.
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
@Validated
public record EventStoreProperties(@NotNull @DurationMin(millis = 0) Duration fetchDelay,
                                   @NotNull @DurationMin(millis = 0) Duration wakeInterval,
                                   @NotNull @DurationMin(millis = 0) Duration logWakeInterval) {
}
