package com.watchparty.api.ticketing;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

@Revision("1")
public record VoucherCreatedEvent(UUID ticketId, String code, int maxUsages, Instant validUntil, UUID partyId) {
}
