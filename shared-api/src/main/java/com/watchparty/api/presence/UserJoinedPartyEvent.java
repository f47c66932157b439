package com.watchparty.api.presence;

import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record UserJoinedPartyEvent(UUID partyId, UUID userId, String username) {
}
