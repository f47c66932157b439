package com.watchparty.api.moderation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Names {@code userId} a moderator of the party, or ({@code moderator} false) no longer. The host's or an admin's. */
public record SetModeratorCommand(@TargetAggregateIdentifier UUID partyId, UUID userId, boolean moderator,
                                  Moderator by) {
}
