package com.watchparty.api.ticketing;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A seat sold (or a voucher redeemed, at price 0). */
@Revision("1")
public record TicketPurchasedEvent(UUID partyId,
                                   UUID purchaseId,
                                   UUID userId,
                                   UUID ticketId,
                                   BigDecimal pricePaid,
                                   String currency,
                                   Instant purchasedAt,
                                   String idempotencyKey) {
}
