package com.watchparty.api.moderation;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The user leaves the room (a {@code UserLeftPartyEvent} follows if they were in) and may not join again. */
@Revision("1")
public record UserBannedEvent(UUID partyId, UUID userId, String reason, UUID by) {
}
