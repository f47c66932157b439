package com.watchparty.api.moderation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Makes {@code userId} the party's host. The host's (to someone in the room) or an admin's (to anyone). */
public record TransferHostCommand(@TargetAggregateIdentifier UUID partyId, UUID userId, Moderator by) {
}
