package com.watchparty.api.ticketing;

import java.math.BigDecimal;
import java.util.UUID;

public record TicketView(UUID id, String name, BigDecimal price, String currency, String description,
                         boolean isVoucher) {
}
