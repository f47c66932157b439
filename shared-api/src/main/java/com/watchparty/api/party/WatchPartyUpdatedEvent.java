package com.watchparty.api.party;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The party's settings after an admin's change, all of them, so a reader needs no earlier event. */
@Revision("1")
public record WatchPartyUpdatedEvent(UUID partyId,
                                     Instant startTime,
                                     Instant endTime,
                                     boolean featured,
                                     int maxParticipants) {
}
