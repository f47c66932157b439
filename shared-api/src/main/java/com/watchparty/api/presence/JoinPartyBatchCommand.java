package com.watchparty.api.presence;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/**
 * Joins of one party stored in one append: those that arrived while the party's previous append was under way, as
 * a premiere's crowd arrives. Each join is judged on its own; the answer has a
 * {@link com.watchparty.api.error.BatchOutcomes}: one per join, in order.
 */
public record JoinPartyBatchCommand(@TargetAggregateIdentifier UUID partyId, List<JoinPartyCommand> joins) {
}
