package com.watchparty.api.batch;

import com.watchparty.api.error.BatchAnswer;
import com.watchparty.api.error.CommandOutcome;
import com.watchparty.api.error.RejectedException;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Sends commands to a party the way a database groups commits: while one append for the party is under way, the
 * commands that arrive wait, and go together in the next one. A quiet room sends each at once, alone; a busy room
 * (everyone chatting, a premiere's crowd arriving) pays one command, one turn of the party's lock and one
 * transaction for many, where each used to pay its own and queue on the party's lock behind the others. Commands
 * keep the order in which they arrived. Used by every adapter that lets a crowd send to one party: the room's chat
 * and joins, and the box office's purchases.
 * <p>
 * A party's appends may also be paced: at most one per append interval. A command after a quiet spell goes at once;
 * in a busy party the commands of an interval wait for its end and go together. Everything an append costs besides
 * its events (the command, the transaction, the store's read of it, each processor's turn) is then paid once per
 * interval rather than once per command, for a wait no longer than the interval.
 *
 * @param <C> the command that one person sends, batched into the command that {@code batchOf} makes, whose answer is
 *            a {@link BatchAnswer}: one outcome per command, in order
 * @param <O> the outcome of one command
 */
public final class PartyBatches<C, O extends CommandOutcome> {

    /** A batch's upper bound: an append of this many events still takes milliseconds. */
    static final int MAX_BATCH = 100;

    private record Pending<C, O>(C command, CompletableFuture<O> done) {
    }

    private static final class Party<C, O> {
        final Deque<Pending<C, O>> waiting = new ArrayDeque<>();
        /** An append is under way or due: arriving commands wait for the next. */
        boolean sending;
        /** When the last append began, in {@link System#nanoTime()}. */
        long lastAppend;
    }

    private final Map<UUID, Party<C, O>> parties = new ConcurrentHashMap<>();
    private final CommandGateway commands;
    private final BiFunction<UUID, List<C>, Object> batchOf;
    private final long appendIntervalNanos;
    private final ScheduledExecutorService timer;

    /** Batches without pacing: each append goes as soon as the one before it is done. */
    public PartyBatches(CommandGateway commands, BiFunction<UUID, List<C>, Object> batchOf) {
        this(commands, batchOf, Duration.ZERO, null);
    }

    /**
     * @param appendInterval the least time between the starts of two appends to a party
     * @param timer          sends the appends that wait for their interval's end, on its own thread: keep its
     *                       other tasks short
     */
    public PartyBatches(CommandGateway commands, BiFunction<UUID, List<C>, Object> batchOf, Duration appendInterval,
                        ScheduledExecutorService timer) {
        this.commands = commands;
        this.batchOf = batchOf;
        this.appendIntervalNanos = appendInterval.toNanos();
        this.timer = timer;
    }

    /** @return completes with the command's outcome once it is done, or fails with the reason it was refused */
    public CompletableFuture<O> send(UUID partyId, C command) {
        Pending<C, O> pending = new Pending<>(command, new CompletableFuture<>());
        while (true) {
            Party<C, O> party = parties.computeIfAbsent(partyId, id -> new Party<>());
            List<Pending<C, O>> batch;
            synchronized (party) {
                if (parties.get(partyId) != party) {
                    continue; // that party's queue went idle and was removed meanwhile
                }
                party.waiting.addLast(pending);
                if (party.sending) {
                    return pending.done();
                }
                party.sending = true;
                batch = takeOrWait(partyId, party);
            }
            if (batch != null) {
                send(partyId, party, batch);
            }
            return pending.done();
        }
    }

    /**
     * Sends batches until the party's queue is empty or an append is still under way when the command bus returns;
     * that append's completion then carries on. A loop rather than a recursion, since on this instance's command bus
     * an append completes before it returns.
     */
    private void send(UUID partyId, Party<C, O> party, List<Pending<C, O>> first) {
        List<Pending<C, O>> batch = first;
        while (batch != null) {
            Append append = new Append(partyId, party, batch);
            try {
                commands.send(batchOf.apply(partyId, batch.stream().map(Pending::command).toList()))
                        .whenComplete(append::settle);
            } catch (RuntimeException e) {
                append.settle(null, e);
            }
            batch = append.returned();
        }
    }

    /**
     * The next batch if the party's interval has passed; else none, and the timer sends it at the interval's end.
     * Called holding the party's monitor.
     */
    private List<Pending<C, O>> takeOrWait(UUID partyId, Party<C, O> party) {
        long wait = party.lastAppend + appendIntervalNanos - System.nanoTime();
        if (wait > 0) {
            timer.schedule(() -> sendWhenDue(partyId, party), wait, TimeUnit.NANOSECONDS);
            return null;
        }
        party.lastAppend = System.nanoTime();
        return take(party);
    }

    private void sendWhenDue(UUID partyId, Party<C, O> party) {
        List<Pending<C, O>> batch;
        synchronized (party) {
            party.lastAppend = System.nanoTime();
            batch = take(party);
        }
        send(partyId, party, batch);
    }

    /** Called holding the party's monitor. */
    private List<Pending<C, O>> take(Party<C, O> party) {
        List<Pending<C, O>> batch = new ArrayList<>(Math.min(party.waiting.size(), MAX_BATCH));
        while (!party.waiting.isEmpty() && batch.size() < MAX_BATCH) {
            batch.add(party.waiting.pollFirst());
        }
        return batch;
    }

    /**
     * The next batch, or none: then the party's queue is idle and forgotten, or its next batch waits for the end of
     * its interval.
     */
    private List<Pending<C, O>> next(UUID partyId, Party<C, O> party) {
        synchronized (party) {
            if (party.waiting.isEmpty()) {
                party.sending = false;
                long wait = party.lastAppend + appendIntervalNanos - System.nanoTime();
                if (wait > 0) {
                    // its interval still counts for the next command: forgotten at its end, if idle still
                    timer.schedule(() -> forgetIfIdle(partyId, party), wait, TimeUnit.NANOSECONDS);
                } else {
                    parties.remove(partyId, party);
                }
                return null;
            }
            return takeOrWait(partyId, party);
        }
    }

    private void forgetIfIdle(UUID partyId, Party<C, O> party) {
        synchronized (party) {
            if (!party.sending) {
                parties.remove(partyId, party);
            }
        }
    }

    /** One append in flight, which knows whether the command bus had already returned from sending it. */
    private final class Append {

        private final UUID partyId;
        private final Party<C, O> party;
        private final List<Pending<C, O>> batch;
        private boolean returned;
        private boolean settled;

        Append(UUID partyId, Party<C, O> party, List<Pending<C, O>> batch) {
            this.partyId = partyId;
            this.party = party;
            this.batch = batch;
        }

        void settle(Object answer, Throwable failure) {
            List<?> outcomes = answer instanceof BatchAnswer<?> batchAnswer ? batchAnswer.outcomes() : List.of();
            for (int i = 0; i < batch.size(); i++) {
                CompletableFuture<O> done = batch.get(i).done();
                try {
                    if (failure != null) {
                        done.completeExceptionally(failure);
                    } else if (outcomes.size() != batch.size()) {
                        throw new IllegalArgumentException(outcomes.size() + " outcomes");
                    } else {
                        answer(done, outcomes.get(i));
                    }
                } catch (RuntimeException unfit) {
                    // never leave a sender without an answer, whatever came back
                    done.completeExceptionally(new IllegalStateException("a batch of " + batch.size()
                            + " was answered " + answer, unfit));
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

        @SuppressWarnings("unchecked") // the batch command's handler answers outcomes of the type its senders expect
        private void answer(CompletableFuture<O> done, Object outcome) {
            CommandOutcome settled = (CommandOutcome) outcome;
            if (settled.isDone()) {
                done.complete((O) settled);
            } else {
                done.completeExceptionally(new RejectedException(settled.refusal()));
            }
        }

        /** @return the next batch to send now, if this append was settled before the command bus returned */
        List<Pending<C, O>> returned() {
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
