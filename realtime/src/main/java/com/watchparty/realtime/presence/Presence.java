package com.watchparty.realtime.presence;

import com.watchparty.api.batch.PartyBatches;
import com.watchparty.api.error.BatchOutcome;
import com.watchparty.api.identity.Caller;
import com.watchparty.api.presence.JoinPartyBatchCommand;
import com.watchparty.api.presence.JoinPartyCommand;
import com.watchparty.api.presence.LeavePartyCommand;
import com.watchparty.realtime.RealtimeRules;
import jakarta.annotation.PreDestroy;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One person is one participant, however many tabs: the room hears {@code user_joined} for the first socket and
 * {@code user_left} when the last one is gone — after a grace period for a dropped connection, at once for an
 * explicit leave. Across instances, a lease per (party, user, instance) in PostgreSQL says who still holds the user;
 * leases of a crashed instance expire and are swept, so nobody stays in a room forever.
 */
@Component
public class Presence {

    private static final Logger log = LoggerFactory.getLogger(Presence.class);

    private final String instance = UUID.randomUUID().toString();
    private final Map<PresenceLeases.Lease, Set<String>> socketsByLease = new HashMap<>();
    private final Map<PresenceLeases.Lease, ScheduledFuture<?>> pendingLeaves = new HashMap<>();
    private final PresenceLeases leases;
    private final CommandGateway commands;
    private final PartyBatches<JoinPartyCommand, BatchOutcome> joins;
    private final ScheduledExecutorService timers;
    private final RealtimeRules rules;
    private final Clock clock;
    private final Instant sweepsFrom;

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

    @PreDestroy
    void stop() {
        timers.shutdownNow();
    }

    /** Puts the caller in the room through this socket; the party decides whether they may be there. */
    public CompletableFuture<BatchOutcome> join(UUID partyId, Caller caller, String socketId) {
        var lease = new PresenceLeases.Lease(partyId, caller.id());
        synchronized (this) {
            socketsByLease.computeIfAbsent(lease, l -> new HashSet<>()).add(socketId);
            ScheduledFuture<?> pending = pendingLeaves.remove(lease);
            if (pending != null) {
                pending.cancel(false);
            }
        }
        leases.hold(lease, instance);
        return joins.send(partyId, new JoinPartyCommand(partyId, caller.id(), caller.name(), caller.admin()))
                .whenComplete((ok, failure) -> {
                    if (failure != null && forget(lease, socketId)) {
                        leases.release(lease, instance);
                    }
                });
    }

    /** An explicit {@code leave_party}: no grace. */
    public void leave(UUID partyId, UUID userId, String socketId) {
        var lease = new PresenceLeases.Lease(partyId, userId);
        if (forget(lease, socketId)) {
            release(lease);
        }
    }

    /** A dropped socket: the user leaves only if no socket of theirs comes back within the grace period. */
    public void disconnected(UUID partyId, UUID userId, String socketId) {
        var lease = new PresenceLeases.Lease(partyId, userId);
        if (forget(lease, socketId)) {
            synchronized (this) {
                pendingLeaves.put(lease, timers.schedule(() -> leaveIfStillGone(lease),
                        rules.reconnectGrace().toMillis(), TimeUnit.MILLISECONDS));
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
        Set<String> sockets = socketsByLease.get(lease);
        if (sockets == null || !sockets.remove(socketId)) {
            return false;
        }
        if (sockets.isEmpty()) {
            socketsByLease.remove(lease);
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
