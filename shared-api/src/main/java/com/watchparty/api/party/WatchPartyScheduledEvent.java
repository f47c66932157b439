package com.watchparty.api.party;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

@Revision("1")
public record WatchPartyScheduledEvent(UUID partyId,
                                       UUID movieId,
                                       int movieDurationSeconds,
                                       Instant startTime,
                                       Instant endTime,
                                       boolean featured,
                                       int maxParticipants,
                                       UUID scheduledBy) {
}
