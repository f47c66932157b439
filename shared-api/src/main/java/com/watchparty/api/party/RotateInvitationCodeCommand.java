package com.watchparty.api.party;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Replaces an invite-only party's invitation code; answered with the party's version after the change. */
public record RotateInvitationCodeCommand(@TargetAggregateIdentifier UUID partyId, String invitationCode) {
}
