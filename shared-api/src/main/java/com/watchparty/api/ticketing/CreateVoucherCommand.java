package com.watchparty.api.ticketing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * A voucher code for a voucher ticket type.
 *
 * @param partyId the one party it may be redeemed for, or {@code null} for any
 */
public record CreateVoucherCommand(@TargetAggregateIdentifier UUID ticketId, String code, int maxUsages,
                                   Instant validUntil, UUID partyId) {
}
