package com.watchparty.realtime;

import com.watchparty.api.playback.PlayerAction;
import org.json.JSONObject;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One user's player actions on one party go to the party one at a time, in order. While one is on its way, a newer
 * seek replaces a seek still waiting behind it, and the replaced one is acked {@code {ok: true, coalesced: true}}: a
 * dragged seek bar stores the positions the room can follow, not every step of the drag. Play and pause are never
 * coalesced away.
 */
@Component
class PlayerActionQueue {

    private record Key(UUID partyId, UUID userId) {
    }

    private record Pending(PlayerAction action, Supplier<CompletableFuture<JSONObject>> send,
                           CompletableFuture<JSONObject> answer) {
    }

    private static final class Lane {
        final Deque<Pending> waiting = new ArrayDeque<>();
        boolean busy;
    }

    private final Map<Key, Lane> lanes = new ConcurrentHashMap<>();

    /** Runs {@code send} once the user's earlier actions on the party are done; the answer is its ack. */
    CompletableFuture<JSONObject> submit(UUID partyId, UUID userId, PlayerAction action,
                                         Supplier<CompletableFuture<JSONObject>> send) {
        Key key = new Key(partyId, userId);
        Pending pending = new Pending(action, send, new CompletableFuture<>());
        while (true) {
            Lane lane = lanes.computeIfAbsent(key, k -> new Lane());
            synchronized (lane) {
                if (lanes.get(key) != lane) {
                    continue; // the lane went idle and was removed meanwhile
                }
                if (!lane.busy) {
                    lane.busy = true;
                    run(key, lane, pending);
                } else {
                    Pending last = lane.waiting.peekLast();
                    if (action == PlayerAction.SEEK && last != null && last.action() == PlayerAction.SEEK) {
                        lane.waiting.pollLast();
                        last.answer().complete(SocketEvents.ok().put("coalesced", true));
                    }
                    lane.waiting.addLast(pending);
                }
                return pending.answer();
            }
        }
    }

    private void run(Key key, Lane lane, Pending pending) {
        CompletableFuture<JSONObject> sent;
        try {
            sent = pending.send().get();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((answer, failure) -> {
            if (failure == null) {
                pending.answer().complete(answer);
            } else {
                pending.answer().completeExceptionally(failure);
            }
            next(key, lane);
        });
    }

    private void next(Key key, Lane lane) {
        Pending next;
        synchronized (lane) {
            next = lane.waiting.pollFirst();
            if (next == null) {
                lane.busy = false;
                lanes.remove(key, lane);
                return;
            }
        }
        run(key, lane, next);
    }
}
