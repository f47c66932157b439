package com.watchparty.api.party;

import java.util.UUID;

/** Answered with {@code Optional<WatchPartyView>}; subscribers get every later version of it. */
public record FindWatchPartyQuery(UUID partyId) {
}
