package com.watchparty.app.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.lifecycle.Lifecycle;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Axon's embedded event store, woken from outside and telling its readers when events arrive.
 * <ul>
 *     <li>{@link #wake()} makes it read the storage engine now instead of at the end of its fetch delay: the
 *     {@code events_appended} notification of another instance's commit calls it ({@link EventsAppendedListener}),
 *     as Axon itself does after a commit of this instance. The fetch delay stays the fallback.</li>
 *     <li>Its producer reads the storage engine only when there may be something new to read. Axon's producer reads
 *     again whenever a read found events, and each read ends with a look that finds nothing (two statements: the
 *     events, then the check for events beyond a gap): so every commit cost it two empty looks. When no commit was
 *     signalled since a read that found events began, the next is answered empty at once: that read's last look saw
 *     every commit before it, and any later commit is signalled, here or by its notification.</li>
 *     <li>Its streams accept an availability callback, which Axon's pooled streaming processors use when offered:
 *     without one, an idle pooled processor looks at its stream only every 500 ms, so a projection lagged up to
 *     half a second behind every event, whoever appended it. A watcher thread follows the store's head and runs
 *     the callbacks once the producer has taken new events into its cache, where the processors' streams find them.
 *     A stream is woken only for events it may handle: a processor skips the payload types none of its handlers
 *     takes (a chat line, for a projection of the catalog), and it finds those at its next regular look (Axon's
 *     token claim interval), all at once, rather than waking for each. And a stream is woken at most once per
 *     wake interval: an event after a quiet spell wakes it at once, while a busy party's events wait for the rest
 *     of the interval and are then projected together, in one transaction and one token update, instead of one
 *     each (a pooled processor's worker takes whatever its coordinator found, up to the batch size). A processor
 *     that reads a view of the store ({@link #wokenAtMostEvery}) has an interval of its own.</li>
 * </ul>
 */
class WakeableEventStore extends EmbeddedEventStore {

    private static final Logger log = LoggerFactory.getLogger(WakeableEventStore.class);

    private final Set<CallbackStream> watchedStreams = ConcurrentHashMap.newKeySet();
    private final long wakeIntervalNanos;
    private final ProducerReads producerReads;
    /** Commits signalled so far: this instance's own, and others' by their notification. */
    private final AtomicLong commitsSignalled = new AtomicLong();
    private volatile Thread watcher;
    private volatile boolean following;

    WakeableEventStore(Builder builder, Duration wakeInterval) {
        super(builder);
        this.wakeIntervalNanos = wakeInterval.toNanos();
        this.producerReads = new ProducerReads(super.storageEngine());
    }

    /** Reads the storage engine for new events now. */
    void wake() {
        afterCommit(List.of());
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        commitsSignalled.incrementAndGet(); // before the producer is woken, so the read it makes is not spared
        super.afterCommit(events);
    }

    /** What the embedded store reads through: its producer, and a stream too far behind for the producer's cache. */
    @Override
    protected EventStorageEngine storageEngine() {
        return producerReads;
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new CallbackStream(super.openStream(trackingToken), wakeIntervalNanos);
    }

    /** This store as the source of processors whose streams are woken at most once per {@code wakeInterval}. */
    StreamableMessageSource<TrackedEventMessage<?>> wokenAtMostEvery(Duration wakeInterval) {
        return new StreamableMessageSource<>() {
            @Override
            public TrackingEventStream openStream(TrackingToken trackingToken) {
                return new CallbackStream(WakeableEventStore.super.openStream(trackingToken), wakeInterval.toNanos());
            }

            @Override
            public TrackingToken createTailToken() {
                return WakeableEventStore.this.createTailToken();
            }

            @Override
            public TrackingToken createHeadToken() {
                return WakeableEventStore.this.createHeadToken();
            }

            @Override
            public TrackingToken createTokenAt(Instant dateTime) {
                return WakeableEventStore.this.createTokenAt(dateTime);
            }

            @Override
            public TrackingToken createTokenSince(Duration duration) {
                return WakeableEventStore.this.createTokenSince(duration);
            }
        };
    }

    @Override
    public void registerLifecycleHandlers(Lifecycle.LifecycleRegistry lifecycle) {
        super.registerLifecycleHandlers(lifecycle);
        lifecycle.onStart(Phase.INBOUND_EVENT_CONNECTORS, this::followHead);
    }

    /** Starts following the head for the availability callbacks, once however often Axon calls its start handlers. */
    private synchronized void followHead() {
        if (watcher != null) {
            return;
        }
        Thread thread = new Thread(this::watchHead, "event-store-watcher");
        thread.setDaemon(true);
        watcher = thread;
        following = true;
        thread.start();
    }

    @Override
    public void shutDown() {
        following = false; // an interrupt alone can be swallowed by a database call
        Thread thread = watcher;
        if (thread != null) {
            thread.interrupt();
        }
        super.shutDown();
    }

    /**
     * Follows the head: marks the streams that events arrived for, and wakes each once its interval allows, waiting
     * for the next event or the next stream due, whichever comes first.
     */
    private void watchHead() {
        while (following && !Thread.currentThread().isInterrupted()) {
            try (TrackingEventStream head = super.openStream(createHeadToken())) {
                while (following && !Thread.currentThread().isInterrupted()) {
                    long now = System.nanoTime();
                    long wait = TimeUnit.SECONDS.toNanos(1);
                    for (CallbackStream stream : watchedStreams) {
                        wait = Math.min(wait, stream.wakeUpIfDue(now));
                    }
                    if (head.hasNextAvailable((int) Math.max(1, wait / 1000), TimeUnit.MICROSECONDS)) {
                        Set<Class<?>> arrived = new HashSet<>();
                        while (head.hasNextAvailable()) {
                            arrived.add(head.nextAvailable().getPayloadType());
                        }
                        watchedStreams.forEach(stream -> stream.arrived(arrived));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (!following) {
                    return;
                }
                // e.g. the database was unreachable: the processors fall back to looking every 500 ms meanwhile
                log.warn("following the event store's head failed, starting again in a second: {}", e.toString());
                watchedStreams.forEach(CallbackStream::wakeUp);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private final class CallbackStream implements TrackingEventStream {

        private final TrackingEventStream delegate;
        private final long wakeIntervalNanos;
        private final Set<Class<?>> skippedTypes = ConcurrentHashMap.newKeySet();
        private volatile Runnable callback;
        // the watcher's thread alone: whether events arrived for it since its last wake-up, and when that was
        private boolean pending;
        private long lastWakeUp;

        private CallbackStream(TrackingEventStream delegate, long wakeIntervalNanos) {
            this.delegate = delegate;
            this.wakeIntervalNanos = wakeIntervalNanos;
            this.lastWakeUp = System.nanoTime() - wakeIntervalNanos;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            watchedStreams.add(this);
            return true;
        }

        /** Notes that events arrived for it, if one of their payload types is not skipped by this stream's reader. */
        private void arrived(Set<Class<?>> payloadTypes) {
            if (!skippedTypes.containsAll(payloadTypes)) {
                pending = true;
            }
        }

        /** @return how long until it is due, if events are waiting for it and it is not due yet, else forever */
        private long wakeUpIfDue(long now) {
            if (!pending) {
                return Long.MAX_VALUE;
            }
            long untilDue = lastWakeUp + wakeIntervalNanos - now;
            if (untilDue > 0) {
                return untilDue;
            }
            pending = false;
            lastWakeUp = now;
            wakeUp();
            return Long.MAX_VALUE;
        }

        private void wakeUp() {
            Runnable registered = callback;
            if (registered != null) {
                registered.run();
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            skippedTypes.add(ignoredMessage.getPayloadType());
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            watchedStreams.remove(this);
            delegate.close();
        }
    }

    /** The storage engine, whose reads by the producer are spared when nothing can have been committed since. */
    private final class ProducerReads implements EventStorageEngine {

        private final EventStorageEngine engine;
        // the producer's thread alone reads with mayBlock set
        private long commitsAtLastRead = -1;
        private boolean lastReadFoundEvents;

        private ProducerReads(EventStorageEngine engine) {
            this.engine = engine;
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            if (!mayBlock) {
                return engine.readEvents(trackingToken, false); // a stream behind the cache, read on its own
            }
            long signalled = commitsSignalled.get();
            boolean spared = lastReadFoundEvents && signalled == commitsAtLastRead;
            lastReadFoundEvents = false;
            if (spared) {
                return Stream.empty();
            }
            commitsAtLastRead = signalled;
            return engine.readEvents(trackingToken, true).peek(event -> lastReadFoundEvents = true);
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            engine.appendEvents(events);
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            engine.storeSnapshot(snapshot);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier) {
            return engine.readEvents(aggregateIdentifier);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            return engine.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return engine.readSnapshot(aggregateIdentifier);
        }

        @Override
        public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
            return engine.lastSequenceNumberFor(aggregateIdentifier);
        }

        @Override
        public TrackingToken createTailToken() {
            return engine.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return engine.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return engine.createTokenAt(dateTime);
        }
    }
}
