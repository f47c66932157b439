package com.watchparty.command.ticketing.web;

import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** The seed's {@code POST /watch-parties/:id/purchase} body. */
record PurchaseRequest(@NotNull UUID ticketId) {
}
