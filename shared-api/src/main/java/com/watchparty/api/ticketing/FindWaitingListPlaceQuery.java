package com.watchparty.api.ticketing;

import java.util.UUID;

/** Answered with {@code Optional<WaitingListPlace>}: empty when the user is neither in line nor holding a seat. */
public record FindWaitingListPlaceQuery(UUID partyId, UUID userId) {
}
