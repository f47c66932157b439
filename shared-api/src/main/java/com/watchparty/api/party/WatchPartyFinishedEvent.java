package com.watchparty.api.party;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The end of the party; everyone still in the room leaves with it. */
@Revision("1")
public record WatchPartyFinishedEvent(UUID partyId) {
}
