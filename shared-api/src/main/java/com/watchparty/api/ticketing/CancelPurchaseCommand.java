package com.watchparty.api.ticketing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** The holder gives their ticket back; answered with a {@link CancellationReceipt}. */
public record CancelPurchaseCommand(@TargetAggregateIdentifier UUID partyId, UUID userId) {
}
