package com.watchparty.api.ticketing;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A seat sold (or a voucher redeemed, at price 0).
 *
 * @param voucherCode the voucher code redeemed, or {@code null} (also in events stored before codes existed)
 */
@Revision("1")
public record TicketPurchasedEvent(UUID partyId,
                                   UUID purchaseId,
                                   UUID userId,
                                   UUID ticketId,
                                   BigDecimal pricePaid,
                                   String currency,
                                   Instant purchasedAt,
                                   String idempotencyKey,
                                   String voucherCode) {
}
