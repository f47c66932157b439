package com.watchparty.api.ticketing;

import com.watchparty.api.PageRequest;

/** Answered with a {@code Page<TicketView>}, ordered by name. */
public record ListTicketsQuery(PageRequest page) {
}
