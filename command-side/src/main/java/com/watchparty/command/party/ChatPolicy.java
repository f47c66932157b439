package com.watchparty.command.party;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.watchparty.api.error.ErrorCode.MUTED;
import static com.watchparty.api.error.ErrorCode.NOT_JOINED;
import static com.watchparty.api.error.ErrorCode.SLOW_MODE;
import static com.watchparty.api.error.ErrorCode.VALIDATION_FAILED;
import static com.watchparty.command.PlainText.MULTI_LINE;
import static com.watchparty.command.Rules.require;

/**
 * Who may send a line to the room's chat now (someone in the room, not muted, and not held back by slow mode), and
 * what a line may be.
 */
final class ChatPolicy {

    static final int MAX_MESSAGE_LENGTH = 500;
    static final int MAX_SLOW_MODE_SECONDS = 300;

    private ChatPolicy() {
    }

    /** Slow mode holds back everyone but those who moderate the room. */
    static void requireMaySpeak(Room room, UUID userId, Instant now) {
        require(room.isPresent(userId), NOT_JOINED, "join the party before chatting");
        Instant muteEnds = room.mutedUntil(userId);
        // the waits are worked out only for a refusal: nobody muted is muted until Instant.MIN, which no Duration holds
        require(!muteEnds.isAfter(now), MUTED, () -> "you are muted for another " + secondsFrom(now, muteEnds)
                + " seconds");
        Instant nextLineAt = room.nextLineAt(userId);
        require(!nextLineAt.isAfter(now) || room.moderates(userId), SLOW_MODE,
                () -> "slow mode: wait another " + secondsFrom(now, nextLineAt) + " seconds");
    }

    /** @return the line as it is sent: plain text of 1 to {@link #MAX_MESSAGE_LENGTH} characters, stripped */
    static String contentOf(String given) {
        String content = given == null ? "" : given.strip();
        require(!content.isEmpty() && content.length() <= MAX_MESSAGE_LENGTH, VALIDATION_FAILED,
                "a message has 1 to " + MAX_MESSAGE_LENGTH + " characters", "content");
        MULTI_LINE.require(content, "content");
        return content;
    }

    static void requireSlowMode(int seconds) {
        require(seconds >= 0 && seconds <= MAX_SLOW_MODE_SECONDS, VALIDATION_FAILED,
                "slowModeSeconds must be 0 (off) to " + MAX_SLOW_MODE_SECONDS, "slowModeSeconds");
    }

    /** The wait, in whole seconds and at least one, so that nobody is told to wait 0 seconds. */
    private static long secondsFrom(Instant now, Instant then) {
        return Math.max(1, Duration.between(now, then).toSeconds());
    }
}
