package com.watchparty.command.party;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/** What a purchase needs to know of a ticket type. */
public interface TicketCatalog {

    Optional<TicketFacts> findTicket(UUID ticketId);

    record TicketFacts(BigDecimal price, String currency, boolean voucher) {

        /** A voucher is redeemed, not paid. */
        BigDecimal pricePaid() {
            return voucher ? BigDecimal.ZERO.setScale(price.scale()) : price;
        }
    }
}
