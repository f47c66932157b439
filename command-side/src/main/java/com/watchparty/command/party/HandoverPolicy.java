package com.watchparty.command.party;

import com.watchparty.api.moderation.Moderator;

import java.util.Optional;
import java.util.UUID;

import static com.watchparty.api.error.ErrorCode.FORBIDDEN;
import static com.watchparty.api.error.ErrorCode.NOT_JOINED;
import static com.watchparty.command.Rules.require;

/** Who hosts a party when its host hands it over, or leaves a room whose player only the host controls. */
final class HandoverPolicy {

    private HandoverPolicy() {
    }

    /** The host hands the party over, or an admin does. */
    static void requireMayHandOver(Room room, Moderator by) {
        require(room.isRunBy(by), FORBIDDEN, "only the host or an admin hands the party over");
    }

    /** The host hands the party to someone in the room; an admin names anyone who is not banned. */
    static void requireMayReceive(Room room, Moderator by, UUID next) {
        require(!room.isBanned(next), FORBIDDEN, "a banned user cannot host the party");
        require(by.admin() || room.isPresent(next), NOT_JOINED, "the new host must be in the room", "userId");
    }

    /**
     * Whom control passes to when the host has left a room whose player only the host controls: the moderator who
     * has been there longest, else whoever has been there longest (as Discord's Watch Together does). Nobody, when
     * someone else left, control is shared, or the room is empty: then the host stays host.
     */
    static Optional<UUID> successorOf(UUID leaver, Room room, Player player) {
        if (!room.isHost(leaver) || !player.isHostOnly()) {
            return Optional.empty();
        }
        return room.longestPresent(room::isModerator).or(() -> room.longestPresent(anyone -> true));
    }
}
