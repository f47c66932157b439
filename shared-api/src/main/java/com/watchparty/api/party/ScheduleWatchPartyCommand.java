package com.watchparty.api.party;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

public record ScheduleWatchPartyCommand(@TargetAggregateIdentifier UUID partyId,
                                        UUID movieId,
                                        Instant startTime,
                                        Instant endTime,
                                        boolean featured,
                                        int maxParticipants,
                                        UUID scheduledBy) {
}
