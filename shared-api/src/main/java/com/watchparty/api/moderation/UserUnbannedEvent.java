package com.watchparty.api.moderation;

import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record UserUnbannedEvent(UUID partyId, UUID userId, UUID by) {
}
