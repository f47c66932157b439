package com.watchparty.api.ticketing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Gives back a use counted by {@link RedeemVoucherCommand} when the party refused the purchase it was for. */
public record ReleaseVoucherCommand(@TargetAggregateIdentifier UUID ticketId, String code, UUID partyId,
                                    UUID userId) {
}
