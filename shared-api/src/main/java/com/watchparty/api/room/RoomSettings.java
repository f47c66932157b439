package com.watchparty.api.room;

/**
 * The room's live settings, set by the host or an admin.
 *
 * @param slowModeSeconds  how long each participant but the host and moderators waits between two messages; 0: off
 * @param hostOnlyPlayback whether only the host and admins use the player
 */
public record RoomSettings(int slowModeSeconds, boolean hostOnlyPlayback) {

    public static final RoomSettings DEFAULT = new RoomSettings(0, false);
}
