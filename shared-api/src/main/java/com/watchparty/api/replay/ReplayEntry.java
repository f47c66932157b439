package com.watchparty.api.replay;

import com.watchparty.api.log.LogEventType;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One moment of a party's replay.
 *
 * @param sequence  the event's number in the party's stream
 * @param eventTime seconds from the party's start time
 * @param mediaTime the film position at that moment, from the play/pause/seek history before it
 */
public record ReplayEntry(String id, long sequence, LogEventType eventType, UUID userId, String username,
                          Map<String, Object> content, Instant realTime, double eventTime, double mediaTime) {
}
