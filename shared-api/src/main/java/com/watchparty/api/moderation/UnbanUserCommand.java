package com.watchparty.api.moderation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record UnbanUserCommand(@TargetAggregateIdentifier UUID partyId, UUID userId, Moderator by) {
}
