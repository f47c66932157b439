package com.watchparty.api.log;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One row of the seed's WatchPartyLog.
 *
 * @param id        the identifier of the event in the store
 * @param eventTime seconds from the party's start time; negative in the lobby before the start
 */
public record PartyLogEntry(String id,
                            UUID watchPartyId,
                            UUID userId,
                            LogEventType eventType,
                            Map<String, Object> content,
                            Instant realTime,
                            double eventTime) {
}
