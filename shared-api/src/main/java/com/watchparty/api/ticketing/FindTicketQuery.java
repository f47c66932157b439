package com.watchparty.api.ticketing;

import java.util.UUID;

/** Answered with {@code Optional<TicketView>}. */
public record FindTicketQuery(UUID ticketId) {
}
