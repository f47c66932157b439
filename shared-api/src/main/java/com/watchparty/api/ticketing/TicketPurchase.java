package com.watchparty.api.ticketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The seed's TicketPurchase, as the purchase command returns it. */
public record TicketPurchase(UUID id,
                             UUID userId,
                             UUID watchPartyId,
                             UUID ticketId,
                             Instant purchaseDate,
                             BigDecimal pricePaid,
                             String currency) {

    public static TicketPurchase of(TicketPurchasedEvent event) {
        return new TicketPurchase(event.purchaseId(), event.userId(), event.partyId(), event.ticketId(),
                event.purchasedAt(), event.pricePaid(), event.currency());
    }
}
