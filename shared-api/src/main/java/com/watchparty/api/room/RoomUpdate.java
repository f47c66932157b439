package com.watchparty.api.room;

import com.watchparty.api.party.PartyStatus;

import java.util.Map;
import java.util.UUID;

/**
 * What changed in a room, at the party's event {@link #sequence()}: a change, never the whole room again, so a join
 * costs the same in a room of ten as in a room of ten thousand.
 */
public sealed interface RoomUpdate {

    UUID partyId();

    long sequence();

    record UserJoined(UUID partyId, long sequence, Participant participant) implements RoomUpdate {
    }

    record UserLeft(UUID partyId, long sequence, Participant participant) implements RoomUpdate {
    }

    record MessagePosted(UUID partyId, long sequence, ChatMessage message) implements RoomUpdate {
    }

    record PlaybackChanged(UUID partyId, long sequence, PlaybackState playback) implements RoomUpdate {
    }

    /** @param mediaTime the film position when the window's reactions were stored */
    record ReactionsCounted(UUID partyId, long sequence, Map<String, Integer> counts, double mediaTime)
            implements RoomUpdate {
    }

    record SettingsChanged(UUID partyId, long sequence, RoomSettings settings) implements RoomUpdate {
    }

    /** The line leaves the room's recent messages; clients drop it. */
    record MessageDeleted(UUID partyId, long sequence, UUID messageId, UUID deletedBy) implements RoomUpdate {
    }

    /** The party has a new host; the room hears it with its settings. */
    record HostChanged(UUID partyId, long sequence, UUID hostId) implements RoomUpdate {
    }

    record ModeratorChanged(UUID partyId, long sequence, UUID userId, boolean moderator) implements RoomUpdate {
    }

    /**
     * A moderator put the user out ({@code banned}: for good): their sockets leave the room now. The
     * {@link UserLeft} that follows tells the room.
     */
    record UserRemoved(UUID partyId, long sequence, UUID userId, boolean banned) implements RoomUpdate {
    }

    /** At {@link PartyStatus#FINISHED} the room empties. */
    record StatusChanged(UUID partyId, long sequence, PartyStatus status) implements RoomUpdate {
    }
}
