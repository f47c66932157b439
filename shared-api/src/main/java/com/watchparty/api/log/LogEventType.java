package com.watchparty.api.log;

import java.util.Locale;

/**
 * The seed's WatchPartyLog {@code event_type}s, then the moderation actions (their row's {@code user_id} is who did
 * it; {@code content.target_user_id} whom it was done to).
 */
public enum LogEventType {
    MESSAGE, JOIN, LEAVE, PLAY, PAUSE, SEEK,
    MODERATOR, MUTE, KICK, BAN, UNBAN, MESSAGE_DELETED,
    /** A new host: handed over ({@code user_id} who did it), or passed on when the host left ({@code user_id} null). */
    HOST,
    /** A window of the room's reactions, counted by emoji; in the replay, not in the log. */
    REACTIONS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
