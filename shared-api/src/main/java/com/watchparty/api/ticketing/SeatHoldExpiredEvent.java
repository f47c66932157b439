package com.watchparty.api.ticketing;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** A hold not used in time: the seat goes to the next in line, or back on sale. */
@Revision("1")
public record SeatHoldExpiredEvent(UUID partyId, UUID userId) {
}
