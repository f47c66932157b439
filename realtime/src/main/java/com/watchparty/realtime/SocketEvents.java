package com.watchparty.realtime;

import com.watchparty.api.error.Rejection;
import com.watchparty.api.replay.PlaybackSegment;
import com.watchparty.api.replay.ReplayEntry;
import com.watchparty.api.room.ChatMessage;
import com.watchparty.api.room.Participant;
import com.watchparty.api.room.PlaybackState;
import com.watchparty.api.room.RoomSettings;
import org.json.JSONArray;
import org.json.JSONObject;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The server → client payloads of the {@code /watch-party} namespace, camelCase like the seed's join payload.
 * Every one carries {@code partyId}.
 */
public final class SocketEvents {

    public static final String USER_JOINED = "user_joined";
    public static final String USER_LEFT = "user_left";
    public static final String NEW_MESSAGE = "new_message";
    public static final String SYNC_PLAYER = "sync_player";
    public static final String PARTICIPANT_LIST = "participant_list";
    public static final String PARTY_STATUS = "party_status";
    public static final String AUTH_ERROR = "auth_error";
    public static final String REPLAY_EVENTS = "replay_events";
    public static final String KICKED = "kicked";
    public static final String MESSAGE_DELETED = "message_deleted";
    public static final String ROOM_SETTINGS = "room_settings";
    public static final String REACTIONS = "reactions";

    private SocketEvents() {
    }

    public static JSONObject participant(UUID partyId, Participant participant) {
        return new JSONObject().put("partyId", partyId.toString()).put("userId", participant.userId().toString())
                .put("username", participant.username());
    }

    /**
     * @param shown  the people the list names, in join order (all of them, or a crowd's host and latest joiners)
     * @param count  everyone in the room
     * @param hostId the party's host, marked {@code host: true}
     * @param moderators the party's moderators, marked {@code moderator: true}
     */
    public static JSONObject participantList(UUID partyId, List<Participant> shown, int count, UUID hostId,
                                             Set<UUID> moderators) {
        JSONArray list = new JSONArray();
        shown.forEach(p -> {
            JSONObject entry = new JSONObject().put("userId", p.userId().toString()).put("username", p.username());
            if (p.userId().equals(hostId)) {
                entry.put("host", true);
            }
            if (moderators.contains(p.userId())) {
                entry.put("moderator", true);
            }
            list.put(entry);
        });
        JSONObject payload = new JSONObject().put("partyId", partyId.toString()).put("participants", list)
                .put("count", count);
        return shown.size() < count ? payload.put("truncated", true) : payload;
    }

    public static JSONObject message(ChatMessage message) {
        return new JSONObject()
                .put("partyId", message.partyId().toString())
                .put("id", message.id().toString())
                .put("userId", message.userId().toString())
                .put("username", message.username())
                .put("content", message.content())
                .put("realTime", message.realTime().toString())
                .put("eventTime", message.eventTime())
                .put("mediaTime", message.mediaTime());
    }

    public static JSONObject syncPlayer(UUID partyId, PlaybackState playback) {
        return new JSONObject()
                .put("partyId", partyId.toString())
                .put("state", playback.playing() ? "playing" : "paused")
                .put("position", playback.position())
                .put("serverTime", playback.serverTime().toEpochMilli())
                .put("playbackRate", playback.playbackRate())
                .put("updatedBy", playback.updatedBy() == null ? JSONObject.NULL : playback.updatedBy().toString());
    }

    public static JSONObject reactions(UUID partyId, Map<String, Integer> counts, double mediaTime) {
        return new JSONObject().put("partyId", partyId.toString()).put("counts", new JSONObject(counts))
                .put("mediaTime", mediaTime);
    }

    public static JSONObject roomSettings(UUID partyId, RoomSettings settings, UUID hostId) {
        return new JSONObject().put("partyId", partyId.toString()).put("slowModeSeconds", settings.slowModeSeconds())
                .put("hostOnlyPlayback", settings.hostOnlyPlayback())
                .put("hostId", hostId == null ? JSONObject.NULL : hostId.toString());
    }

    public static JSONObject messageDeleted(UUID partyId, UUID messageId, UUID deletedBy) {
        return new JSONObject().put("partyId", partyId.toString()).put("messageId", messageId.toString())
                .put("deletedBy", deletedBy.toString());
    }

    /** To the sockets of a user a moderator put out; {@code banned}: they cannot join again. */
    public static JSONObject kicked(UUID partyId, boolean banned) {
        return new JSONObject().put("partyId", partyId.toString()).put("banned", banned);
    }

    public static JSONObject status(UUID partyId, String status) {
        return new JSONObject().put("partyId", partyId.toString()).put("status", status);
    }

    public static JSONObject replayEntry(ReplayEntry entry) {
        return new JSONObject()
                .put("id", entry.id())
                .put("eventType", entry.eventType().wireName())
                .put("userId", entry.userId() == null ? JSONObject.NULL : entry.userId().toString())
                .put("username", entry.username() == null ? JSONObject.NULL : entry.username())
                .put("content", new JSONObject(entry.content()))
                .put("realTime", entry.realTime().toString())
                .put("eventTime", entry.eventTime())
                .put("mediaTime", entry.mediaTime());
    }

    public static JSONArray segments(List<PlaybackSegment> segments) {
        JSONArray array = new JSONArray();
        segments.forEach(s -> array.put(new JSONObject()
                .put("fromRealTime", s.fromRealTime().toString()).put("toRealTime", s.toRealTime().toString())
                .put("fromMediaTime", s.fromMediaTime()).put("toMediaTime", s.toMediaTime())
                .put("playbackRate", s.playbackRate())));
        return array;
    }

    public static JSONObject ok() {
        return new JSONObject().put("ok", true);
    }

    public static JSONObject error(Rejection rejection) {
        JSONObject error = new JSONObject().put("code", rejection.code().code()).put("message", rejection.message());
        if (rejection.field() != null) {
            error.put("field", rejection.field());
        }
        return new JSONObject().put("ok", false).put("error", error);
    }
}
