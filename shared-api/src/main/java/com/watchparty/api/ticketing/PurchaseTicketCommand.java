package com.watchparty.api.ticketing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Buys a ticket for a watch party. Handled by the party, which alone knows how many seats are left.
 *
 * @param idempotencyKey the client's {@code Idempotency-Key}, or {@code null}; a retry with the same key
 *                       returns the original purchase instead of a conflict
 */
public record PurchaseTicketCommand(@TargetAggregateIdentifier UUID partyId,
                                    UUID purchaseId,
                                    UUID userId,
                                    UUID ticketId,
                                    String idempotencyKey) {
}
