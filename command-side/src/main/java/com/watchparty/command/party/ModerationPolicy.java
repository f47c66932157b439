package com.watchparty.command.party;

import com.watchparty.api.moderation.Moderator;
import com.watchparty.command.party.Room.SentMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.watchparty.api.error.ErrorCode.FORBIDDEN;
import static com.watchparty.api.error.ErrorCode.VALIDATION_FAILED;
import static com.watchparty.command.PlainText.ONE_LINE;
import static com.watchparty.command.Rules.require;

/** Who may act on whom in a room (mute, kick, ban, take a message back), and within which bounds. */
final class ModerationPolicy {

    /** How long authors may take back their own message. */
    static final Duration AUTHOR_DELETE_WINDOW = Duration.ofMinutes(5);
    static final long MAX_MUTE_SECONDS = Duration.ofDays(1).toSeconds();
    static final int MAX_BAN_REASON_LENGTH = 200;

    private ModerationPolicy() {
    }

    /** The host, the party's moderators and admins moderate; nobody moderates the host. */
    static void requireMayModerate(Room room, Moderator by, UUID target) {
        require(by.admin() || room.moderates(by.userId()), FORBIDDEN,
                "only the host, a moderator or an admin may do this");
        require(!room.isHost(target), FORBIDDEN, "nobody moderates the host");
    }

    /** Whoever moderates deletes any message; its author deletes it within {@link #AUTHOR_DELETE_WINDOW}. */
    static void requireMayDelete(Room room, Moderator by, SentMessage message, Instant now) {
        boolean moderates = by.admin() || room.moderates(by.userId());
        boolean authorInTime = by.userId().equals(message.author())
                && now.isBefore(message.sentAt().plus(AUTHOR_DELETE_WINDOW));
        require(moderates || authorInTime, FORBIDDEN, "only a moderator, or its author within "
                + AUTHOR_DELETE_WINDOW.toMinutes() + " minutes, may delete a message");
    }

    /** A timeout lasts at most a day; 0 lifts it. */
    static void requireMuteLength(long seconds) {
        require(seconds >= 0 && seconds <= MAX_MUTE_SECONDS, VALIDATION_FAILED,
                "seconds must be 0 (unmute) to " + MAX_MUTE_SECONDS, "seconds");
    }

    /** @return a ban's reason as it is kept: one line of at most {@link #MAX_BAN_REASON_LENGTH} characters, or none */
    static String banReasonOf(String given) {
        String reason = given == null || given.isBlank() ? null : given.strip();
        require(reason == null || reason.length() <= MAX_BAN_REASON_LENGTH, VALIDATION_FAILED,
                "a reason has at most " + MAX_BAN_REASON_LENGTH + " characters", "reason");
        if (reason != null) {
            ONE_LINE.require(reason, "reason");
        }
        return reason;
    }
}
