package com.watchparty.api.room;

import com.watchparty.api.party.PartyStatus;

import java.util.List;
import java.util.UUID;

/**
 * Everything a newcomer to the room needs, as of the party's event {@code sequence}.
 *
 * @param recentMessages the last messages, oldest first
 */
public record RoomSnapshot(UUID partyId, long sequence, PartyStatus status, int movieDurationSeconds,
                           List<Participant> participants, PlaybackState playback,
                           List<ChatMessage> recentMessages) {

    /** How many of the latest messages a newcomer is given. */
    public static final int RECENT_MESSAGES = 50;

    public RoomSnapshot {
        participants = List.copyOf(participants);
        recentMessages = List.copyOf(recentMessages);
    }
}
