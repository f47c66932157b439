package com.watchparty.api.presence;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record LeavePartyCommand(@TargetAggregateIdentifier UUID partyId, UUID userId) {
}
