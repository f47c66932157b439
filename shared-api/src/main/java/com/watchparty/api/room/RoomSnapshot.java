package com.watchparty.api.room;

import com.watchparty.api.party.PartyStatus;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Everything a newcomer to the room needs, as of the party's event {@code sequence}.
 *
 * @param hostId         who scheduled the party
 * @param moderators     the party's moderators, in the room or not
 * @param participants   who is in the room, in the order they joined
 * @param recentMessages the last messages, oldest first
 * @param settings       slow mode and who controls the player
 */
public record RoomSnapshot(UUID partyId, long sequence, PartyStatus status, int movieDurationSeconds, UUID hostId,
                           Set<UUID> moderators, List<Participant> participants, PlaybackState playback,
                           List<ChatMessage> recentMessages, RoomSettings settings) {

    /** How many of the latest messages a newcomer is given. */
    public static final int RECENT_MESSAGES = 50;

    public RoomSnapshot {
        moderators = Set.copyOf(moderators);
        participants = List.copyOf(participants);
        recentMessages = List.copyOf(recentMessages);
    }
}
