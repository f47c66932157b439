package com.watchparty.api.replay;

import java.time.Instant;

/** A stretch of the party during which the film played: from which wall time to which, which span of the film. */
public record PlaybackSegment(Instant fromRealTime, Instant toRealTime, double fromMediaTime, double toMediaTime,
                              double playbackRate) {
}
