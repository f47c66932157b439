package com.watchparty.api.party;

import java.time.Instant;
import java.util.UUID;

/**
 * A watch party as clients see it.
 *
 * @param hostId  who controls a host-only player, names moderators and sets the room: who scheduled the party, or
 *                whom it was handed to
 * @param version the sequence number of the last party event this view reflects
 */
public record WatchPartyView(UUID id,
                             MovieSummary movie,
                             Instant startTime,
                             Instant endTime,
                             boolean isFeatured,
                             int maxParticipants,
                             PartyStatus status,
                             int ticketsSold,
                             int activeParticipants,
                             boolean hostOnlyPlayback,
                             PartyAccess access,
                             UUID hostId,
                             long version) {

    /** What a party list shows of its movie; {@code title} is {@code null} while the catalog catches up. */
    public record MovieSummary(UUID id, String title, Integer durationSeconds, String posterUrl) {
    }
}
