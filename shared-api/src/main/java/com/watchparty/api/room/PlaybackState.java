package com.watchparty.api.room;

import com.watchparty.api.playback.PlayerAction;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The party's player, owned by the server: {@code position} (seconds of film) holds at {@code serverTime};
 * while playing, the film advances {@code playbackRate} seconds per second from there. A scheduled play or seek has
 * its {@code serverTime} a moment ahead: until then the film waits at {@code position}.
 *
 * @param updatedBy who changed it last, or {@code null} before anyone pressed a button
 */
public record PlaybackState(boolean playing, double position, Instant serverTime, double playbackRate,
                            UUID updatedBy) {

    public static PlaybackState pausedAtStart(Instant now) {
        return new PlaybackState(false, 0, now, 1.0, null);
    }

    /**
     * The player after {@code action} at {@code at}: play and pause set the position and the state, a seek moves
     * the position and keeps playing or paused.
     */
    public PlaybackState after(PlayerAction action, double actionPosition, Instant at, UUID by) {
        boolean nowPlaying = action == PlayerAction.SEEK ? playing : action == PlayerAction.PLAY;
        return new PlaybackState(nowPlaying, actionPosition, at, playbackRate, by);
    }

    /** The film position at {@code instant}, never past {@code durationSeconds}. */
    public double positionAt(Instant instant, int durationSeconds) {
        if (!playing) {
            return position;
        }
        double elapsed = Duration.between(serverTime, instant).toNanos() / 1e9;
        return Math.max(0, Math.min(durationSeconds, position + Math.max(0, elapsed) * playbackRate));
    }

    /**
     * The same state, expressed at {@code instant}: what a client joining now must be told. A play scheduled for
     * later stays as it is, so the newcomer starts with everyone else.
     */
    public PlaybackState at(Instant instant, int durationSeconds) {
        if (serverTime.isAfter(instant)) {
            return this;
        }
        return new PlaybackState(playing, positionAt(instant, durationSeconds), instant, playbackRate, updatedBy);
    }
}
