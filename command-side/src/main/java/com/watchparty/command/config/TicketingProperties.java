package com.watchparty.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * {@code watchparty.ticketing.*}: holds for the waiting list and what giving a ticket back costs. Defaults in
 * {@code application.yml}.
 *
 * @param holdTime           how long a seat given back is held for the first in line of a sold-out party, at most a
 *                           quarter of the time left before the start
 * @param minHoldTime        the shortest hold, also the hold once the party runs
 * @param cancellationCutoff a ticket can be given back until this long before the start
 * @param cancellationFee    kept of the price paid when a ticket is given back, in the ticket's currency
 */
@ConfigurationProperties("watchparty.ticketing")
public record TicketingProperties(Duration holdTime, Duration minHoldTime, Duration cancellationCutoff,
                                  BigDecimal cancellationFee) {
}
