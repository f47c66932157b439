package com.watchparty.api.ticketing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.UUID;

public record CreateTicketCommand(@TargetAggregateIdentifier UUID ticketId,
                                  String name,
                                  BigDecimal price,
                                  String currency,
                                  String description,
                                  boolean voucher) {
}
