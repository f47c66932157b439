package com.watchparty.api.ticketing;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.UUID;

@Revision("1")
public record TicketCreatedEvent(UUID ticketId,
                                 String name,
                                 BigDecimal price,
                                 String currency,
                                 String description,
                                 boolean voucher) {
}
