package com.watchparty.api.moderation;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The user's sockets leave the room at once (a {@code UserLeftPartyEvent} follows); they may come back. */
@Revision("1")
public record UserKickedEvent(UUID partyId, UUID userId, UUID by) {
}
