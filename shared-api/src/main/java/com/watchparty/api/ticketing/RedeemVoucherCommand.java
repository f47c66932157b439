package com.watchparty.api.ticketing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Counts one use of a voucher code, for a purchase on a party: the first step of redeeming it, before the party
 * sells the seat. Answered {@code true} when this counted a new use, {@code false} when the same user already
 * redeemed it for the same party (a retry, counted once).
 */
public record RedeemVoucherCommand(@TargetAggregateIdentifier UUID ticketId, String code, UUID partyId,
                                   UUID userId) {
}
