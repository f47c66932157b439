package com.watchparty.api.moderation;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** @param seconds how long each participant but the host and moderators waits between two messages; 0: off */
@Revision("1")
public record SlowModeChangedEvent(UUID partyId, int seconds, UUID by) {
}
