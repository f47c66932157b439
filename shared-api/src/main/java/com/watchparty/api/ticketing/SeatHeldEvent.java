package com.watchparty.api.ticketing;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * A free seat held for the first person in line: until {@code expiresAt} only they may buy it, and the hold leaves
 * the line. The hold's deadline id rides in the metadata.
 */
@Revision("1")
public record SeatHeldEvent(UUID partyId, UUID userId, Instant expiresAt) {
}
