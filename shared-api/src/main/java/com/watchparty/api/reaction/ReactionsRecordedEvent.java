package com.watchparty.api.reaction;

import org.axonframework.serialization.Revision;

import java.util.Map;
import java.util.UUID;

/** One window of a room's reactions, counted by emoji: one event per window, not one per tap. */
@Revision("1")
public record ReactionsRecordedEvent(UUID partyId, Map<String, Integer> counts) {
}
