package com.watchparty.api.room;

import com.watchparty.api.party.PartyStatus;

import java.util.List;
import java.util.UUID;

/** What changed in a room, at the party's event {@link #sequence()}. */
public sealed interface RoomUpdate {

    UUID partyId();

    long sequence();

    record UserJoined(UUID partyId, long sequence, Participant participant, List<Participant> participants)
            implements RoomUpdate {
    }

    record UserLeft(UUID partyId, long sequence, Participant participant, List<Participant> participants)
            implements RoomUpdate {
    }

    record MessagePosted(UUID partyId, long sequence, ChatMessage message) implements RoomUpdate {
    }

    record PlaybackChanged(UUID partyId, long sequence, PlaybackState playback) implements RoomUpdate {
    }

    record StatusChanged(UUID partyId, long sequence, PartyStatus status, List<Participant> participants)
            implements RoomUpdate {
    }
}
