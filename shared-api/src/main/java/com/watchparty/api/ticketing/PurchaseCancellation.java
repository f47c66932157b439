package com.watchparty.api.ticketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A cancelled purchase, as its holder is told: what comes back and what the cancellation cost. */
public record PurchaseCancellation(UUID purchaseId,
                                   UUID watchPartyId,
                                   BigDecimal refundAmount,
                                   BigDecimal cancellationFee,
                                   String currency,
                                   Instant cancelledAt) {

    public static PurchaseCancellation of(PurchaseCancelledEvent event) {
        return new PurchaseCancellation(event.purchaseId(), event.partyId(), event.refundAmount(),
                event.cancellationFee(), event.currency(), event.cancelledAt());
    }
}
