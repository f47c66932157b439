package com.watchparty.command.ticketing.web;

import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** {@code POST /tickets}: a ticket type; {@code price} is a decimal string such as {@code "4.99"}. */
record CreateTicketRequest(@NotNull String name,
                           @NotNull BigDecimal price,
                           @NotNull String currency,
                           String description,
                           Boolean isVoucher) {
}
