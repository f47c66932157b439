package com.watchparty.api.ticketing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Buys a ticket for a watch party. Handled by the party, which alone knows how many seats are left.
 *
 * @param idempotencyKey the client's {@code Idempotency-Key}, or {@code null}; a retry with the same key
 *                       returns the original purchase instead of a conflict
 * @param voucherCode    the voucher code redeemed for it (already counted by its ticket type), or {@code null}
 * @param invitationCode what the buyer gave as an invite-only party's invitation code, or {@code null}
 */
public record PurchaseTicketCommand(@TargetAggregateIdentifier UUID partyId,
                                    UUID purchaseId,
                                    UUID userId,
                                    UUID ticketId,
                                    String idempotencyKey,
                                    String voucherCode,
                                    String invitationCode) {

    /** A purchase without voucher code or invitation. */
    public PurchaseTicketCommand(UUID partyId, UUID purchaseId, UUID userId, UUID ticketId, String idempotencyKey) {
        this(partyId, purchaseId, userId, ticketId, idempotencyKey, null, null);
    }
}
