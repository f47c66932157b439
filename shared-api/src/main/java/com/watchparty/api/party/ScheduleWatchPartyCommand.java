package com.watchparty.api.party;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * @param invitationCode the code an {@code invite_only} party starts with (ignored for other access)
 */
public record ScheduleWatchPartyCommand(@TargetAggregateIdentifier UUID partyId,
                                        UUID movieId,
                                        Instant startTime,
                                        Instant endTime,
                                        boolean featured,
                                        int maxParticipants,
                                        UUID scheduledBy,
                                        PartyAccess access,
                                        String invitationCode) {

    /** A public party. */
    public ScheduleWatchPartyCommand(UUID partyId, UUID movieId, Instant startTime, Instant endTime, boolean featured,
                                     int maxParticipants, UUID scheduledBy) {
        this(partyId, movieId, startTime, endTime, featured, maxParticipants, scheduledBy, PartyAccess.PUBLIC, null);
    }
}
