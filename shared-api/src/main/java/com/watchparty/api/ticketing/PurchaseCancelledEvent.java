package com.watchparty.api.ticketing;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A ticket given back: its seat is free again, and the holder is refunded the price paid minus the fee. */
@Revision("1")
public record PurchaseCancelledEvent(UUID partyId,
                                     UUID purchaseId,
                                     UUID userId,
                                     BigDecimal refundAmount,
                                     BigDecimal cancellationFee,
                                     String currency,
                                     Instant cancelledAt) {
}
