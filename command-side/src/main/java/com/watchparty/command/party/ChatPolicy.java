package com.watchparty.command.party;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.watchparty.api.error.ErrorCode.MUTED;
import static com.watchparty.api.error.ErrorCode.NOT_JOINED;
import static com.watchparty.api.error.ErrorCode.SLOW_MODE;
import static com.watchparty.command.Rules.require;

/** Who may send a line to the room's chat now: someone in the room, not muted, and not held back by slow mode. */
final class ChatPolicy {

    private ChatPolicy() {
    }

    /** Slow mode holds back everyone but those who moderate the room. */
    static void requireMaySpeak(Room room, UUID userId, Instant now) {
        require(room.isPresent(userId), NOT_JOINED, "join the party before chatting");
        Instant muteEnds = room.mutedUntil(userId);
        require(!muteEnds.isAfter(now), MUTED, "you are muted for another " + secondsFrom(now, muteEnds) + " seconds");
        Instant nextLineAt = room.nextLineAt(userId);
        require(!nextLineAt.isAfter(now) || room.moderates(userId), SLOW_MODE,
                "slow mode: wait another " + secondsFrom(now, nextLineAt) + " seconds");
    }

    /** The wait, in whole seconds and at least one, so that nobody is told to wait 0 seconds. */
    private static long secondsFrom(Instant now, Instant then) {
        return Math.max(1, Duration.between(now, then).toSeconds());
    }
}
