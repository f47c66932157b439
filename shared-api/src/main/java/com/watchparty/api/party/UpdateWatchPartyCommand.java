package com.watchparty.api.party;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * The admin's PATCH: a {@code null} field is left as it is.
 *
 * @param hostOnlyPlayback whether only admins and the party's host may use the player
 * @param invitationCode   the code a party gets when it becomes {@code invite_only} (ignored otherwise)
 * @param hostId           the party's new host, named by the admin {@code by}
 */
public record UpdateWatchPartyCommand(@TargetAggregateIdentifier UUID partyId,
                                      Instant startTime,
                                      Instant endTime,
                                      Boolean featured,
                                      Integer maxParticipants,
                                      Boolean hostOnlyPlayback,
                                      PartyAccess access,
                                      String invitationCode,
                                      UUID hostId,
                                      UUID by) {

    /** A change that leaves the party's access as it is. */
    public UpdateWatchPartyCommand(UUID partyId, Instant startTime, Instant endTime, Boolean featured,
                                   Integer maxParticipants, Boolean hostOnlyPlayback) {
        this(partyId, startTime, endTime, featured, maxParticipants, hostOnlyPlayback, null, null, null, null);
    }
}
