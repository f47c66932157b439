package com.watchparty.api.party;

import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record WatchPartyStartedEvent(UUID partyId) {
}
