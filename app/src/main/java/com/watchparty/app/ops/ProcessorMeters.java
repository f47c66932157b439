package com.watchparty.app.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What Axon's Micrometer module counts and times for an event processor, under its names and its
 * {@code processorName} tag, with every meter looked up once per processor. Axon's own monitors look up their meters
 * by tags for every event at every processor (its counting monitor all five counters, at each event's arrival), and
 * every processor sees every event: with a premiere's chat at 400 messages/s that was 4.5% of the service's CPU. Left
 * out: the payload type as a tag (the event store has it) and the capacity gauge (the rate of
 * {@code eventProcessor.allTimer}'s total time is the same figure).
 */
final class ProcessorMeters implements MessageMonitor<Message<?>> {

    private static final String PREFIX = "eventProcessor";

    private final Clock clock;
    private final Counter ingested;
    private final Counter succeeded;
    private final Counter failed;
    private final Counter processed;
    private final Counter ignored;
    private final Timer all;
    private final Timer success;
    private final Timer failure;
    private final Timer ignoredTime;
    /** How old the event this processor took last was when it took it (Axon's {@code latency}). */
    private final AtomicLong latencyMillis = new AtomicLong();

    ProcessorMeters(MeterRegistry registry, String processor, Clock clock) {
        this.clock = clock;
        Tags tags = Tags.of("processorName", processor);
        ingested = registry.counter(PREFIX + ".ingestedCounter", tags);
        succeeded = registry.counter(PREFIX + ".successCounter", tags);
        failed = registry.counter(PREFIX + ".failureCounter", tags);
        processed = registry.counter(PREFIX + ".processedCounter", tags);
        ignored = registry.counter(PREFIX + ".ignoredCounter", tags);
        all = registry.timer(PREFIX + ".allTimer", tags);
        success = registry.timer(PREFIX + ".successTimer", tags);
        failure = registry.timer(PREFIX + ".failureTimer", tags);
        ignoredTime = registry.timer(PREFIX + ".ignoredTimer", tags);
        Gauge.builder(PREFIX + ".latency", latencyMillis, AtomicLong::get).tags(tags).baseUnit("milliseconds")
                .register(registry);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        ingested.increment();
        if (message instanceof EventMessage<?> event) {
            latencyMillis.set(Math.max(0, clock.millis() - event.getTimestamp().toEpochMilli()));
        }
        long started = System.nanoTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                processed.increment();
                done(succeeded, success);
            }

            @Override
            public void reportFailure(Throwable cause) {
                processed.increment();
                done(failed, failure);
            }

            @Override
            public void reportIgnored() {
                done(ignored, ignoredTime);
            }

            private void done(Counter outcome, Timer outcomeTime) {
                long nanos = System.nanoTime() - started;
                outcome.increment();
                all.record(nanos, TimeUnit.NANOSECONDS);
                outcomeTime.record(nanos, TimeUnit.NANOSECONDS);
            }
        };
    }
}
