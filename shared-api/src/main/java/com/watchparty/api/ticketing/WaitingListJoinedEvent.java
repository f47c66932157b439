package com.watchparty.api.ticketing;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** Someone in line for a sold-out party, behind everyone who joined before. */
@Revision("1")
public record WaitingListJoinedEvent(UUID partyId, UUID userId) {
}
