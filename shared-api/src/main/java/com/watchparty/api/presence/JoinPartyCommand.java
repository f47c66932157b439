package com.watchparty.api.presence;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** @param admin admins may join without a ticket */
public record JoinPartyCommand(@TargetAggregateIdentifier UUID partyId, UUID userId, String username, boolean admin) {
}
