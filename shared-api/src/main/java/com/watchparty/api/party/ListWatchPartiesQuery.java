package com.watchparty.api.party;

import com.watchparty.api.PageRequest;

/**
 * Answered with a {@code Page<WatchPartyView>} ordered by start time.
 *
 * @param status   only parties in this status, or all when {@code null}
 * @param featured only featured (or only not featured) parties, or all when {@code null}
 */
public record ListWatchPartiesQuery(PartyStatus status, Boolean featured, PageRequest page) {
}
