package com.watchparty.api.moderation;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** @param by who named or removed the moderator */
@Revision("1")
public record ModeratorChangedEvent(UUID partyId, UUID userId, boolean moderator, UUID by) {
}
