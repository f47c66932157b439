package com.watchparty.realtime;

import com.watchparty.api.chat.ChatLineOutcome;
import com.watchparty.api.chat.SendChatMessageCommand;
import com.watchparty.api.chat.SendChatMessagesCommand;
import com.watchparty.api.error.RejectedException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stores a party's chat the way a database groups commits: while one append for the party is under way, the lines
 * that arrive wait, and go together in the next one. A quiet room stores each line at once, alone; a busy room pays
 * one command, one turn of the party's lock and one transaction for many lines, where each line used to pay its own
 * and its sender queued on the lock behind the others. Lines keep the order in which they arrived.
 */
@Component
class ChatBatches {

    /** A batch's upper bound: an append of this many lines still takes milliseconds. */
    static final int MAX_LINES = 100;

    private record Line(SendChatMessageCommand command, CompletableFuture<Void> stored) {
    }

    private static final class Party {
        final Deque<Line> waiting = new ArrayDeque<>();
        boolean storing;
    }

    private final Map<UUID, Party> parties = new ConcurrentHashMap<>();
    private final CommandGateway commands;

    ChatBatches(CommandGateway commands) {
        this.commands = commands;
    }

    /** @return completes once the line is stored, or fails with the reason it was refused */
    CompletableFuture<Void> send(SendChatMessageCommand command) {
        Line line = new Line(command, new CompletableFuture<>());
        UUID partyId = command.partyId();
        while (true) {
            Party party = parties.computeIfAbsent(partyId, id -> new Party());
            List<Line> batch;
            synchronized (party) {
                if (parties.get(partyId) != party) {
                    continue; // that party's queue went idle and was removed meanwhile
                }
                party.waiting.addLast(line);
                if (party.storing) {
                    return line.stored();
                }
                party.storing = true;
                batch = take(party);
            }
            store(partyId, party, batch);
            return line.stored();
        }
    }

    /**
     * Sends batches until the party's queue is empty or an append is still under way when the command bus returns;
     * that append's completion then carries on. A loop rather than a recursion, since on this instance's command bus
     * an append completes before it returns.
     */
    private void store(UUID partyId, Party party, List<Line> first) {
        List<Line> batch = first;
        while (batch != null) {
            Append append = new Append(partyId, party, batch);
            try {
                commands.<List<ChatLineOutcome>>send(new SendChatMessagesCommand(partyId,
                        batch.stream().map(Line::command).toList())).whenComplete(append::settle);
            } catch (RuntimeException e) {
                append.settle(null, e);
            }
            batch = append.returned();
        }
    }

    /** The next batch, or none: then the party's queue is idle and forgotten. Called holding the party's monitor. */
    private List<Line> take(Party party) {
        List<Line> batch = new ArrayList<>(Math.min(party.waiting.size(), MAX_LINES));
        while (!party.waiting.isEmpty() && batch.size() < MAX_LINES) {
            batch.add(party.waiting.pollFirst());
        }
        return batch;
    }

    private List<Line> next(UUID partyId, Party party) {
        synchronized (party) {
            if (party.waiting.isEmpty()) {
                party.storing = false;
                parties.remove(partyId, party);
                return null;
            }
            return take(party);
        }
    }

    /** One append in flight, which knows whether the command bus had already returned from sending it. */
    private final class Append {

        private final UUID partyId;
        private final Party party;
        private final List<Line> lines;
        private boolean returned;
        private boolean settled;

        Append(UUID partyId, Party party, List<Line> lines) {
            this.partyId = partyId;
            this.party = party;
            this.lines = lines;
        }

        void settle(List<ChatLineOutcome> outcomes, Throwable failure) {
            for (int i = 0; i < lines.size(); i++) {
                CompletableFuture<Void> stored = lines.get(i).stored();
                if (failure != null) {
                    stored.completeExceptionally(failure);
                } else if (outcomes.get(i).isStored()) {
                    stored.complete(null);
                } else {
                    stored.completeExceptionally(new RejectedException(outcomes.get(i).refusal()));
                }
            }
            boolean carryOn;
            synchronized (this) {
                settled = true;
                carryOn = returned;
            }
            if (carryOn) {
                store(partyId, party, next(partyId, party));
            }
        }

        /** @return the next batch to send now, if this append was settled before the command bus returned */
        List<Line> returned() {
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
