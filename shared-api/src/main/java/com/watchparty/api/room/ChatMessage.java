package com.watchparty.api.room;

import java.time.Instant;
import java.util.UUID;

/**
 * A chat message as the room shows it.
 *
 * @param eventTime seconds from the party's start time
 * @param mediaTime the film position, in seconds, when it was sent
 */
public record ChatMessage(UUID id, UUID partyId, UUID userId, String username, String content, Instant realTime,
                          double eventTime, double mediaTime) {
}
