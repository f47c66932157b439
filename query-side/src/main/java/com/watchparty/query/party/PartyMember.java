package com.watchparty.query.party;

import java.util.UUID;

/** The key of a row about one person in one party: a ticket holder, a place in the waiting list. */
public record PartyMember(UUID partyId, UUID userId) {
}
