package com.watchparty.api.party;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * The admin's PATCH: a {@code null} field is left as it is.
 *
 * @param hostOnlyPlayback whether only admins and the party's host may use the player
 */
public record UpdateWatchPartyCommand(@TargetAggregateIdentifier UUID partyId,
                                      Instant startTime,
                                      Instant endTime,
                                      Boolean featured,
                                      Integer maxParticipants,
                                      Boolean hostOnlyPlayback) {
}
