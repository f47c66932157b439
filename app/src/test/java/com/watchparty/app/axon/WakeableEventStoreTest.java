package com.watchparty.app.axon;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.lifecycle.Lifecycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The store's wake-ups: a processor is woken for the events it handles, not for the ones it skips; and while every
 * commit is notified, the notification, not the commit itself, makes the store read what was appended.
 * The fetch delay is an hour, so nothing here is found by the store's polling.
 */
class WakeableEventStoreTest {

    record ChatLine(String text) {
    }

    record PartyScheduled(String title) {
    }

    private final CountingEngine engine = new CountingEngine();
    private WakeableEventStore store;

    private void start(Duration wakeInterval) {
        store = new WakeableEventStore(EmbeddedEventStore.builder()
                .storageEngine(engine)
                .fetchDelay(Duration.ofHours(1).toMillis()), wakeInterval);
        store.registerLifecycleHandlers(new StartAtOnce());
    }

    @AfterEach
    void stopStore() {
        store.shutDown();
    }

    @Test
    void aStreamIsWokenForTheEventsItHandlesAndNotForThoseItSkips() throws Exception {
        start(Duration.ZERO);
        AtomicInteger wakeUps = new AtomicInteger();
        try (TrackingEventStream projection = store.openStream(null)) {
            projection.setOnAvailableCallback(wakeUps::incrementAndGet);
            publishUntilWoken(new ChatLine("hello"), wakeUps);
            TrackedEventMessage<?> chat = projection.nextAvailable();
            projection.skipMessagesWithPayloadTypeOf(chat); // as a processor without a handler for chat does
            while (projection.hasNextAvailable(300, TimeUnit.MILLISECONDS)) {
                projection.nextAvailable();
            }
            int before = wakeUps.get();

            for (int i = 0; i < 20; i++) {
                store.publish(GenericEventMessage.asEventMessage(new ChatLine("line " + i)));
            }
            store.publish(GenericEventMessage.asEventMessage(new PartyScheduled("Premiere")));

            await().atMost(Duration.ofSeconds(5)).until(() -> wakeUps.get() > before);
            Thread.sleep(300); // room for a wake-up per chat line, were there any
            assertThat(wakeUps.get() - before).as("woken for the party only, not for the 20 chat lines")
                    .isEqualTo(1);
            for (int i = 0; i < 20; i++) {
                assertThat(projection.nextAvailable().getPayload()).isInstanceOf(ChatLine.class);
            }
            assertThat(projection.nextAvailable().getPayload()).isEqualTo(new PartyScheduled("Premiere"));
        }
    }

    @Test
    void whileEveryCommitIsNotifiedTheNotificationReadsThisInstancesEvents() {
        start(Duration.ZERO);
        // the store's producer reads the engine once its first reader (the head watcher) follows the head
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> {
            store.publish(GenericEventMessage.asEventMessage(new ChatLine("hello")));
            return engine.producerReads.get() > 0;
        });

        store.notifiedOfEveryCommit(true);
        int before = settledReads();
        store.publish(GenericEventMessage.asEventMessage(new ChatLine("again")));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(engine.producerReads.get())
                        .as("not read on the commit: its notification is still to come").isEqualTo(before));
        store.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.producerReads.get() > before);

        store.notifiedOfEveryCommit(false);
        int notified = settledReads();
        store.publish(GenericEventMessage.asEventMessage(new ChatLine("once more")));
        await("without notifications the commit wakes the store itself").atMost(Duration.ofSeconds(5))
                .until(() -> engine.producerReads.get() > notified);
    }

    @Test
    void aStreamIsWokenAtOnceAfterAQuietSpellAndOncePerWakeIntervalUnderLoad() throws Exception {
        start(Duration.ofSeconds(1));
        AtomicInteger wakeUps = new AtomicInteger();
        try (TrackingEventStream projection = store.openStream(null)) {
            projection.setOnAvailableCallback(wakeUps::incrementAndGet);
            publishUntilWoken(new PartyScheduled("warm-up"), wakeUps);
            Thread.sleep(2500); // a quiet spell: no wake-up in the last interval, even one the warm-up put off
            int before = wakeUps.get();

            long start = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                store.publish(GenericEventMessage.asEventMessage(new PartyScheduled("party " + i)));
                Thread.sleep(20);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> wakeUps.get() > before);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the first event after the quiet spell")
                    .isLessThan(Duration.ofMillis(700));
            await().atMost(Duration.ofSeconds(5)).until(() -> wakeUps.get() > before + 1);
            Thread.sleep(1500);
            assertThat(wakeUps.get() - before).as("the first event at once, the nine in its interval together")
                    .isEqualTo(2);
        }
    }

    /** The watcher follows the head from when its thread has started: publishes until that wakes the stream. */
    private void publishUntilWoken(Object payload, AtomicInteger wakeUps) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            store.publish(GenericEventMessage.asEventMessage(payload));
            return wakeUps.get() > 0;
        });
    }

    /** The producer's reads once it has stopped reading (after a read that found events, it reads once more). */
    private int settledReads() {
        AtomicInteger last = new AtomicInteger(-1);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(300))
                .until(() -> last.getAndSet(engine.producerReads.get()) == engine.producerReads.get());
        return engine.producerReads.get();
    }

    /** Counts the reads of the store's producer, the one reader that blocks (Axon's own streams never do). */
    private static final class CountingEngine extends InMemoryEventStorageEngine {

        private final AtomicInteger producerReads = new AtomicInteger();

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            if (mayBlock) {
                producerReads.incrementAndGet();
            }
            return super.readEvents(trackingToken, mayBlock);
        }
    }

    /** Runs the store's start handlers (its head watcher) at once, as Axon's configuration would on start-up. */
    private static final class StartAtOnce implements Lifecycle.LifecycleRegistry {

        @Override
        public void onStart(int phase, Lifecycle.LifecycleHandler action) {
            CompletableFuture<?> started = action.run();
            started.join();
        }

        @Override
        public void onShutdown(int phase, Lifecycle.LifecycleHandler action) {
            // the test shuts the store down itself
        }
    }
}
