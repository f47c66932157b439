package com.watchparty.api.replay;

import com.watchparty.api.AcceptedTimes;
import com.watchparty.api.PageRequest;
import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.log.LogEventType;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A finished party's timeline in film order: answered with a {@link ReplayTimeline}. Every filter is optional
 * ({@code null} or empty: no filter); windows include their start and exclude their end.
 *
 * @param eventTypes    only these kinds of events
 * @param fromMediaTime only events at this film position (seconds) or later
 * @param toMediaTime   only events before this film position
 * @param fromRealTime  only events at this wall time or later; an {@link AcceptedTimes accepted time}
 * @param toRealTime    only events before this wall time; an accepted time
 * @param after         a cursor from an earlier page: only the events after it (then the page number is ignored)
 */
public record FindReplayQuery(UUID partyId, Set<LogEventType> eventTypes, Double fromMediaTime, Double toMediaTime,
                              Instant fromRealTime, Instant toRealTime, ReplayCursor after, PageRequest page) {

    public FindReplayQuery {
        eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
        AcceptedTimes.require(fromRealTime, ErrorCode.INVALID_PARAMETER, "real_from");
        AcceptedTimes.require(toRealTime, ErrorCode.INVALID_PARAMETER, "real_to");
    }
}
