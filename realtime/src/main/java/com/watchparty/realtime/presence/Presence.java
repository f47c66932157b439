package com.watchparty.realtime.presence;

import com.watchparty.api.batch.PartyBatches;
import com.watchparty.api.error.BatchOutcome;
import com.watchparty.api.identity.Caller;
import com.watchparty.api.presence.JoinPartyBatchCommand;
import com.watchparty.api.presence.JoinPartyCommand;
import com.watchparty.api.presence.LeavePartyCommand;
import com.watchparty.realtime.RealtimeRules;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One person is one participant, however many tabs: the room hears {@code user_joined} for the first socket and
 * {@code user_left} when the last one is gone — after a grace period for a dropped connection, at once for an
 * explicit leave. Across instances, a lease per (party, user, instance) in PostgreSQL says who still holds the user;
 * leases of a crashed instance expire and are swept, so nobody stays in a room forever.
 * <p>
 * Each lease also carries the largest round trip its user's sockets here measured ({@code time_sync}), so that a play
 * can be scheduled for the slowest in the room whichever instance holds them. It is written when it changes by
 * {@value #ROUND_TRIP_STEP_MILLIS} ms or more, not at every sample.
 * <p>
 * A stopping instance hands its rooms over: from just before its sockets are closed it records no leave and renews no
 * lease. Its clients reconnect to another instance, whose lease keeps them in the room; whoever does not come back is
 * swept by the other instances once the lease times out. A leave recorded by the stopping instance itself would race
 * its own clients' reconnection, and lose whenever the stop takes longer than the grace period.
 */
@Component
public class Presence {

    private static final Logger log = LoggerFactory.getLogger(Presence.class);

    private final String instance = UUID.randomUUID().toString();
    /** Never rewritten for a change smaller than this: a client's estimate wobbles by a few milliseconds. */
    static final int ROUND_TRIP_STEP_MILLIS = 10;

    /** Each lease's sockets on this instance, with the round trip each measured (0 until it has). */
    private final Map<PresenceLeases.Lease, Map<String, Integer>> socketsByLease = new HashMap<>();
    /** The round trip last written to each lease. */
    private final Map<PresenceLeases.Lease, Integer> roundTripsWritten = new HashMap<>();
    private final Map<PresenceLeases.Lease, ScheduledFuture<?>> pendingLeaves = new HashMap<>();
    private final PresenceLeases leases;
    private final CommandGateway commands;
    private final PartyBatches<JoinPartyCommand, BatchOutcome> joins;
    private final ScheduledExecutorService timers;
    private final RealtimeRules rules;
    private final Clock clock;
    private final Instant sweepsFrom;
    private volatile boolean handingOver;

    Presence(PresenceLeases leases, CommandGateway commands, RealtimeRules rules, Clock clock) {
        this.leases = leases;
        this.commands = commands;
        this.joins = new PartyBatches<>(commands, JoinPartyBatchCommand::new);
        this.rules = rules;
        this.clock = clock;
        this.sweepsFrom = clock.instant().plus(rules.reconnectGrace());
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "presence");
            thread.setDaemon(true);
            return thread;
        });
        long heartbeat = rules.leaseHeartbeat().toMillis();
        timers.scheduleWithFixedDelay(this::renew, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
    }

    private void renew() {
        try {
            leases.renew(instance);
        } catch (RuntimeException e) {
            // the next beat tries again; a lease only expires after several missed beats
            log.warn("could not renew presence leases: {}", e.getMessage());
        }
    }

    /** Hands the rooms over (see above): the context announces its close before it stops the web server. */
    @EventListener(ContextClosedEvent.class)
    void handOver() {
        handingOver = true;
        timers.shutdownNow();
    }

    /**
     * Puts the caller in the room through this socket; the party decides whether they may be there.
     * {@code roundTripMillis}: what the socket measured so far (0: nothing yet).
     */
    public CompletableFuture<BatchOutcome> join(UUID partyId, Caller caller, String socketId, int roundTripMillis) {
        var lease = new PresenceLeases.Lease(partyId, caller.id());
        int roundTrip;
        synchronized (this) {
            Map<String, Integer> sockets = socketsByLease.computeIfAbsent(lease, l -> new HashMap<>());
            sockets.put(socketId, roundTripMillis);
            roundTrip = largest(sockets);
            roundTripsWritten.put(lease, roundTrip);
            ScheduledFuture<?> pending = pendingLeaves.remove(lease);
            if (pending != null) {
                pending.cancel(false);
            }
        }
        leases.hold(lease, instance, roundTrip);
        return joins.send(partyId, new JoinPartyCommand(partyId, caller.id(), caller.name(), caller.admin()))
                .whenComplete((ok, failure) -> {
                    if (failure != null && forget(lease, socketId)) {
                        leases.release(lease, instance);
                    }
                });
    }

    /** A socket in the room measured its round trip again; the lease is rewritten only for a real change. */
    public void roundTrip(UUID partyId, UUID userId, String socketId, int roundTripMillis) {
        var lease = new PresenceLeases.Lease(partyId, userId);
        int largest;
        synchronized (this) {
            Map<String, Integer> sockets = socketsByLease.get(lease);
            if (sockets == null || !sockets.containsKey(socketId)) {
                return;
            }
            sockets.put(socketId, roundTripMillis);
            largest = largest(sockets);
            Integer written = roundTripsWritten.get(lease);
            if (written != null && Math.abs(written - largest) < ROUND_TRIP_STEP_MILLIS) {
                return;
            }
            roundTripsWritten.put(lease, largest);
        }
        try {
            timers.execute(() -> {
                try {
                    leases.roundTrip(lease, instance, largest);
                } catch (RuntimeException e) {
                    log.warn("could not record a round trip: {}", e.getMessage());
                }
            });
        } catch (RejectedExecutionException stopping) {
            // the instance is stopping: its leases go with it
        }
    }

    /** The largest round trip of anyone in the room, whichever instance holds them. */
    public int largestRoundTrip(UUID partyId) {
        return leases.largestRoundTrip(partyId);
    }

    private static int largest(Map<String, Integer> roundTrips) {
        return roundTrips.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** An explicit {@code leave_party}: no grace. */
    public void leave(UUID partyId, UUID userId, String socketId) {
        var lease = new PresenceLeases.Lease(partyId, userId);
        if (forget(lease, socketId)) {
            release(lease);
        }
    }

    /**
     * A dropped socket: the user leaves only if no socket of theirs comes back within the grace period. On a stopping
     * instance the lease is left to expire instead.
     */
    public void disconnected(UUID partyId, UUID userId, String socketId) {
        var lease = new PresenceLeases.Lease(partyId, userId);
        if (forget(lease, socketId) && !handingOver) {
            synchronized (this) {
                try {
                    pendingLeaves.put(lease, timers.schedule(() -> leaveIfStillGone(lease),
                            rules.reconnectGrace().toMillis(), TimeUnit.MILLISECONDS));
                } catch (RejectedExecutionException stopping) {
                    // stopped since the check above: the lease is left to expire
                }
            }
        }
    }

    /**
     * Records a leave for every user whose last lease has expired; see {@link PresenceSchedules}. An instance that
     * has just started waits out the reconnect grace first: after a restart its own old leases are long expired, and
     * the people who held them are reconnecting right now, to be recorded as still here rather than as leave + join.
     */
    void sweep() {
        if (clock.instant().isBefore(sweepsFrom)) {
            return;
        }
        for (PresenceLeases.Lease lease : leases.sweep(rules.leaseTimeout())) {
            log.info("presence lease expired: party={} user={}", lease.partyId(), lease.userId());
            sendLeave(lease);
        }
    }

    private void leaveIfStillGone(PresenceLeases.Lease lease) {
        synchronized (this) {
            pendingLeaves.remove(lease);
            if (socketsByLease.containsKey(lease)) {
                return;
            }
        }
        release(lease);
    }

    /** @return whether that was the user's last socket in the room on this instance */
    private synchronized boolean forget(PresenceLeases.Lease lease, String socketId) {
        Map<String, Integer> sockets = socketsByLease.get(lease);
        if (sockets == null || !sockets.containsKey(socketId)) {
            return false;
        }
        sockets.remove(socketId);
        if (sockets.isEmpty()) {
            socketsByLease.remove(lease);
            roundTripsWritten.remove(lease);
            return true;
        }
        return false;
    }

    private void release(PresenceLeases.Lease lease) {
        if (!leases.release(lease, instance)) {
            sendLeave(lease);
        }
    }

    private void sendLeave(PresenceLeases.Lease lease) {
        commands.send(new LeavePartyCommand(lease.partyId(), lease.userId())).whenComplete((ok, failure) -> {
            if (failure != null) {
                log.warn("could not record a leave: party={} user={}: {}", lease.partyId(), lease.userId(),
                        failure.getMessage());
            }
        });
    }
}
