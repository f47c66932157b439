package com.watchparty.query.replay;

import com.watchparty.api.playback.PlayerAction;
import com.watchparty.api.replay.PlaybackSegment;
import com.watchparty.api.room.PlaybackState;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The film's clock while a party is replayed into a timeline: where the film was at any moment, and the playback
 * segments that close when the film stops or jumps. Pure: it is given each player action with its time.
 */
record ReplayClock(PlaybackState playback, int durationSeconds) {

    static ReplayClock atStart(Instant scheduledAt, int durationSeconds) {
        return new ReplayClock(PlaybackState.pausedAtStart(scheduledAt), durationSeconds);
    }

    /** The film position at {@code at}: frozen while paused, advancing at the rate while playing. */
    double mediaTimeAt(Instant at) {
        return playback.positionAt(at, durationSeconds);
    }

    /** What an action does to the clock, and the segment it ends if the film was playing. */
    Step apply(PlayerAction action, double position, Instant at, UUID by) {
        return new Step(new ReplayClock(playback.after(action, position, at, by), durationSeconds), segmentUntil(at));
    }

    /** The end of the party stops the film. */
    Step stop(Instant at) {
        var stopped = new PlaybackState(false, mediaTimeAt(at), at, playback.playbackRate(), playback.updatedBy());
        return new Step(new ReplayClock(stopped, durationSeconds), segmentUntil(at));
    }

    private Optional<PlaybackSegment> segmentUntil(Instant at) {
        if (!playback.playing() || !at.isAfter(playback.serverTime())) {
            return Optional.empty();
        }
        return Optional.of(new PlaybackSegment(playback.serverTime(), at, playback.position(), mediaTimeAt(at),
                playback.playbackRate()));
    }

    record Step(ReplayClock clock, Optional<PlaybackSegment> closedSegment) {
    }
}
