package com.watchparty.api.ticketing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Puts the caller in line for a sold-out party (once: joining again changes nothing); answered with the party's
 * version after it.
 *
 * @param invitationCode what the caller gave as an invite-only party's invitation code, or {@code null}
 */
public record JoinWaitingListCommand(@TargetAggregateIdentifier UUID partyId, UUID userId, String invitationCode) {
}
