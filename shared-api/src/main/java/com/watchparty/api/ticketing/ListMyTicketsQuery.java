package com.watchparty.api.ticketing;

import com.watchparty.api.PageRequest;

import java.util.UUID;

/** Answered with a {@code Page<MyTicket>}, the latest purchase first. */
public record ListMyTicketsQuery(UUID userId, PageRequest page) {
}
