package com.watchparty.command.party;

import com.watchparty.api.playback.ControlPlaybackCommand;
import com.watchparty.api.playback.PlayerAction;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.watchparty.api.error.ErrorCode.FORBIDDEN;
import static com.watchparty.api.error.ErrorCode.VALIDATION_FAILED;
import static com.watchparty.command.Rules.require;

/**
 * A party's player: how long its film is, and whether only the host controls it. What it plays and where is told to
 * the room by the party's events; no rule depends on it, so the party does not keep it.
 * <p>
 * The party's events fill it in and its commands ask it. It is part of the party's snapshot: its fields are the
 * snapshot's format (see {@link WatchParty}).
 */
final class Player {

    /** A play or seek is scheduled at most this far ahead, as Jellyfin's SyncPlay caps its {@code When}. */
    static final Duration MAX_START_LEAD = Duration.ofSeconds(1);

    private int movieDurationSeconds;
    private boolean hostOnly;

    boolean isHostOnly() {
        return hostOnly;
    }

    /** Everyone in the room controls the player, unless it is the host's only; admins always do. */
    void requireControlBy(UUID userId, boolean admin, Room room) {
        require(!hostOnly || admin || room.isHost(userId), FORBIDDEN,
                "only the host controls the player in this party");
    }

    /** What a command asks of the player: an action, a position in the film and a short lead. */
    static void requireValid(ControlPlaybackCommand command) {
        require(command.action() != null, VALIDATION_FAILED, "action must be play, pause or seek", "action");
        require(Double.isFinite(command.position()) && command.position() >= 0, VALIDATION_FAILED,
                "position must be a number of seconds, 0 or more", "position");
        require(command.startsInMillis() >= 0 && command.startsInMillis() <= MAX_START_LEAD.toMillis(),
                VALIDATION_FAILED, "a play is scheduled at most " + MAX_START_LEAD.toMillis() + " ms ahead");
    }

    /** A position past the end of the film is its end. */
    double positionOf(ControlPlaybackCommand command) {
        return Math.min(command.position(), movieDurationSeconds);
    }

    /** When a play or seek with a lead takes effect; a pause, or an action without one, at once (null). */
    static Instant takesEffectAt(ControlPlaybackCommand command, Instant now) {
        return command.action() == PlayerAction.PAUSE || command.startsInMillis() == 0 ? null
                : now.plusMillis(command.startsInMillis());
    }

    void load(int movieDurationSeconds) {
        this.movieDurationSeconds = movieDurationSeconds;
    }

    void restrictToHost(boolean hostOnly) {
        this.hostOnly = hostOnly;
    }
}
