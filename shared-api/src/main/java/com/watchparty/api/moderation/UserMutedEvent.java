package com.watchparty.api.moderation;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** @param until the end of the timeout: a time, not a duration, so it survives reconnects and restarts */
@Revision("1")
public record UserMutedEvent(UUID partyId, UUID userId, Instant until, UUID by) {
}
