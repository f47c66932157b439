package com.watchparty.api.ticketing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/**
 * Purchases of one party judged in one turn of its lock and stored in one append: those that arrived while the
 * party's previous append was under way, as a sale rush arrives. Each is judged on its own, in order; the answer is
 * {@link PurchaseOutcomes}.
 */
public record PurchaseTicketBatchCommand(@TargetAggregateIdentifier UUID partyId,
                                         List<PurchaseTicketCommand> purchases) {
}
