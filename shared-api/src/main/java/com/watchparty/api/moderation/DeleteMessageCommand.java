package com.watchparty.api.moderation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Removes a chat line: a moderator's, or its author's own within a few minutes of sending it. */
public record DeleteMessageCommand(@TargetAggregateIdentifier UUID partyId, UUID messageId, Moderator by) {
}
