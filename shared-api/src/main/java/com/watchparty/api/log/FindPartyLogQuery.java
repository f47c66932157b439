package com.watchparty.api.log;

import com.watchparty.api.PageRequest;

import java.util.UUID;

/**
 * Answered with a {@code Page<PartyLogEntry>} in the order the events happened.
 *
 * @param showRemoved whether deleted messages keep their content (for admins), or show only that they were removed
 */
public record FindPartyLogQuery(UUID partyId, PageRequest page, boolean showRemoved) {
}
