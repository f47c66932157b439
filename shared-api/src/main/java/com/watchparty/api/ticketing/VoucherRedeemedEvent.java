package com.watchparty.api.ticketing;

import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record VoucherRedeemedEvent(UUID ticketId, String code, UUID partyId, UUID userId) {
}
