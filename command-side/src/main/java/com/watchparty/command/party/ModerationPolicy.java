package com.watchparty.command.party;

import com.watchparty.api.moderation.Moderator;
import com.watchparty.command.party.Room.SentMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.watchparty.api.error.ErrorCode.FORBIDDEN;
import static com.watchparty.command.Rules.require;

/** Who may act on whom in a room: mute, kick, ban, and take a message back. */
final class ModerationPolicy {

    /** How long authors may take back their own message. */
    static final Duration AUTHOR_DELETE_WINDOW = Duration.ofMinutes(5);

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
}
