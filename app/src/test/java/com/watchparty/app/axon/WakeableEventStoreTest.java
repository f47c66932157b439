package com.watchparty.app.axon;

import org.axonframework.common.stream.BlockingStream;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The store's wake-ups: a processor is woken for the events it handles, not for the ones it skips, and at most once
 * per wake interval; its producer reads the storage engine once per commit. The fetch delay is an hour, so nothing
 * here is found by the store's polling unless a test says otherwise.
 */
class WakeableEventStoreTest {

    record ChatLine(String text) {
    }

    record PartyScheduled(String title) {
    }

    private final CountedReads engine = new CountedReads();
    private WakeableEventStore store;

    private void start(Duration wakeInterval) {
        start(wakeInterval, Duration.ofHours(1));
    }

    private void start(Duration wakeInterval, Duration fetchDelay) {
        store = new WakeableEventStore(EmbeddedEventStore.builder()
                .storageEngine(engine)
                .fetchDelay(fetchDelay.toMillis()), wakeInterval);
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

    @Test
    void aViewOfTheStoreWakesItsStreamsAtAnIntervalOfItsOwn() throws Exception {
        start(Duration.ZERO);
        AtomicInteger storeWakeUps = new AtomicInteger();
        AtomicInteger viewWakeUps = new AtomicInteger();
        var view = store.wokenAtMostEvery(Duration.ofSeconds(1));
        try (TrackingEventStream projection = store.openStream(null);
             BlockingStream<TrackedEventMessage<?>> log = view.openStream(null)) {
            projection.setOnAvailableCallback(storeWakeUps::incrementAndGet);
            log.setOnAvailableCallback(viewWakeUps::incrementAndGet);
            publishUntilWoken(new PartyScheduled("warm-up"), viewWakeUps);
            Thread.sleep(2500); // a quiet spell for both
            int storeBefore = storeWakeUps.get();
            int viewBefore = viewWakeUps.get();

            for (int i = 0; i < 10; i++) {
                store.publish(GenericEventMessage.asEventMessage(new ChatLine("line " + i)));
                Thread.sleep(30);
            }
            Thread.sleep(1500);
            assertThat(storeWakeUps.get() - storeBefore).as("the store's own stream, for each line").isGreaterThan(5);
            assertThat(viewWakeUps.get() - viewBefore).as("the view's stream: the first line at once, the rest later")
                    .isEqualTo(2);
            List<Object> logged = new ArrayList<>();
            while (log.hasNextAvailable()) {
                logged.add(log.nextAvailable().getPayload());
            }
            assertThat(logged).as("every line, in order").endsWith(IntStream.range(0, 10)
                    .mapToObj(i -> new ChatLine("line " + i)).toArray());
        }
    }

    @Test
    void theProducerReadsTheStorageOncePerCommit() throws Exception {
        start(Duration.ZERO);
        try (TrackingEventStream projection = store.openStream(null)) {
            store.publish(GenericEventMessage.asEventMessage(new ChatLine("first")));
            assertThat(projection.nextAvailable().getPayload()).isEqualTo(new ChatLine("first"));
            Thread.sleep(300); // the reads that follow it
            int before = engine.producerReads.get();

            for (int i = 0; i < 10; i++) {
                store.publish(GenericEventMessage.asEventMessage(new ChatLine("line " + i)));
                assertThat(projection.nextAvailable().getPayload()).isEqualTo(new ChatLine("line " + i));
                Thread.sleep(50); // the producer done with this commit before the next
            }
            Thread.sleep(300);
            assertThat(engine.producerReads.get() - before).as("reads for 10 commits, one after the other")
                    .isEqualTo(10);
        }
    }

    @Test
    void anEventAppendedWithoutASignalIsFoundByTheNextPoll() throws Exception {
        start(Duration.ZERO, Duration.ofMillis(200));
        try (TrackingEventStream projection = store.openStream(null)) {
            store.publish(GenericEventMessage.asEventMessage(new ChatLine("here")));
            assertThat(projection.nextAvailable().getPayload()).isEqualTo(new ChatLine("here"));

            // as another instance appends when its notification is missed: nothing here is told of it
            engine.appendEvents(GenericEventMessage.asEventMessage(new ChatLine("elsewhere")));

            assertThat(projection.hasNextAvailable(5, TimeUnit.SECONDS)).as("found within the fetch delay").isTrue();
            assertThat(projection.nextAvailable().getPayload()).isEqualTo(new ChatLine("elsewhere"));
        }
    }

    /**
     * An in-memory storage engine that counts the reads of the store's producer (the ones that may block). Each read
     * is of the events stored when it began, as a database's statement is: the engine's own streams are live.
     */
    private static final class CountedReads extends InMemoryEventStorageEngine {

        final AtomicInteger producerReads = new AtomicInteger();

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            if (mayBlock) {
                producerReads.incrementAndGet();
            }
            return super.readEvents(trackingToken, mayBlock).toList().stream();
        }
    }

    /** The watcher follows the head from when its thread has started: publishes until that wakes the stream. */
    private void publishUntilWoken(Object payload, AtomicInteger wakeUps) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            store.publish(GenericEventMessage.asEventMessage(payload));
            return wakeUps.get() > 0;
        });
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
