package com.watchparty.api.moderation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** @param reason optional, shown in the log */
public record BanUserCommand(@TargetAggregateIdentifier UUID partyId, UUID userId, String reason, Moderator by) {
}
