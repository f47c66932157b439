package com.watchparty.api.log;

import com.watchparty.api.PageRequest;

import java.util.UUID;

/** Answered with a {@code Page<PartyLogEntry>} in the order the events happened. */
public record FindPartyLogQuery(UUID partyId, PageRequest page) {
}
