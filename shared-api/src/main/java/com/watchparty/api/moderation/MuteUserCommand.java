package com.watchparty.api.moderation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** A timeout: {@code userId} may not chat for {@code seconds}; 0 lifts a running one. */
public record MuteUserCommand(@TargetAggregateIdentifier UUID partyId, UUID userId, long seconds, Moderator by) {
}
