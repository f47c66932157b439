package com.watchparty.realtime.commands;

import com.watchparty.api.error.BatchOutcomes;
import com.watchparty.api.error.RejectedException;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Sends commands to a party the way a database groups commits: while one append for the party is under way, the
 * commands that arrive wait, and go together in the next one. A quiet room sends each at once, alone; a busy room
 * (everyone chatting, a premiere's crowd arriving) pays one command, one turn of the party's lock and one
 * transaction for many, where each used to pay its own and queue on the party's lock behind the others. Commands
 * keep the order in which they arrived.
 *
 * @param <C> the command that one person sends, batched into the command that {@code batchOf} makes, whose answer is
 *            {@link BatchOutcomes}: one per command, in order
 */
public final class PartyBatches<C> {

    /** A batch's upper bound: an append of this many events still takes milliseconds. */
    static final int MAX_BATCH = 100;

    private record Pending<C>(C command, CompletableFuture<Void> done) {
    }

    private static final class Party<C> {
        final Deque<Pending<C>> waiting = new ArrayDeque<>();
        boolean sending;
    }

    private final Map<UUID, Party<C>> parties = new ConcurrentHashMap<>();
    private final CommandGateway commands;
    private final BiFunction<UUID, List<C>, Object> batchOf;

    public PartyBatches(CommandGateway commands, BiFunction<UUID, List<C>, Object> batchOf) {
        this.commands = commands;
        this.batchOf = batchOf;
    }

    /** @return completes once the command is done, or fails with the reason it was refused */
    public CompletableFuture<Void> send(UUID partyId, C command) {
        Pending<C> pending = new Pending<>(command, new CompletableFuture<>());
        while (true) {
            Party<C> party = parties.computeIfAbsent(partyId, id -> new Party<>());
            List<Pending<C>> batch;
            synchronized (party) {
                if (parties.get(partyId) != party) {
                    continue; // that party's queue went idle and was removed meanwhile
                }
                party.waiting.addLast(pending);
                if (party.sending) {
                    return pending.done();
                }
                party.sending = true;
                batch = take(party);
            }
            send(partyId, party, batch);
            return pending.done();
        }
    }

    /**
     * Sends batches until the party's queue is empty or an append is still under way when the command bus returns;
     * that append's completion then carries on. A loop rather than a recursion, since on this instance's command bus
     * an append completes before it returns.
     */
    private void send(UUID partyId, Party<C> party, List<Pending<C>> first) {
        List<Pending<C>> batch = first;
        while (batch != null) {
            Append append = new Append(partyId, party, batch);
            try {
                commands.<BatchOutcomes>send(batchOf.apply(partyId, batch.stream().map(Pending::command).toList()))
                        .whenComplete(append::settle);
            } catch (RuntimeException e) {
                append.settle(null, e);
            }
            batch = append.returned();
        }
    }

    /** Called holding the party's monitor. */
    private List<Pending<C>> take(Party<C> party) {
        List<Pending<C>> batch = new ArrayList<>(Math.min(party.waiting.size(), MAX_BATCH));
        while (!party.waiting.isEmpty() && batch.size() < MAX_BATCH) {
            batch.add(party.waiting.pollFirst());
        }
        return batch;
    }

    /** The next batch, or none: then the party's queue is idle and forgotten. */
    private List<Pending<C>> next(UUID partyId, Party<C> party) {
        synchronized (party) {
            if (party.waiting.isEmpty()) {
                party.sending = false;
                parties.remove(partyId, party);
                return null;
            }
            return take(party);
        }
    }

    /** One append in flight, which knows whether the command bus had already returned from sending it. */
    private final class Append {

        private final UUID partyId;
        private final Party<C> party;
        private final List<Pending<C>> batch;
        private boolean returned;
        private boolean settled;

        Append(UUID partyId, Party<C> party, List<Pending<C>> batch) {
            this.partyId = partyId;
            this.party = party;
            this.batch = batch;
        }

        void settle(BatchOutcomes outcomes, Throwable failure) {
            for (int i = 0; i < batch.size(); i++) {
                CompletableFuture<Void> done = batch.get(i).done();
                if (failure != null) {
                    done.completeExceptionally(failure);
                } else if (outcomes == null || outcomes.outcomes().size() != batch.size()) {
                    // never leave a sender without an answer, whatever came back
                    done.completeExceptionally(new IllegalStateException("a batch of " + batch.size()
                            + " was answered " + outcomes));
                } else if (outcomes.outcomes().get(i).isDone()) {
                    done.complete(null);
                } else {
                    done.completeExceptionally(new RejectedException(outcomes.outcomes().get(i).refusal()));
                }
            }
            boolean carryOn;
            synchronized (this) {
                settled = true;
                carryOn = returned;
            }
            if (carryOn) {
                send(partyId, party, next(partyId, party));
            }
        }

        /** @return the next batch to send now, if this append was settled before the command bus returned */
        List<Pending<C>> returned() {
            synchronized (this) {
                returned = true;
                if (!settled) {
                    return null;
                }
            }
            return next(partyId, party);
        }
    }
}
