package com.watchparty.api.replay;

import com.watchparty.api.Page;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A finished party as a player replays it: the film's playback segments and the events in film order.
 *
 * @param nextCursor where the next page starts, or {@code null} after the last page
 */
public record ReplayTimeline(UUID partyId, Instant startTime, Instant endTime, int movieDurationSeconds,
                             List<PlaybackSegment> segments, Page<ReplayEntry> events, String nextCursor) {

    public ReplayTimeline {
        segments = List.copyOf(segments);
    }
}
