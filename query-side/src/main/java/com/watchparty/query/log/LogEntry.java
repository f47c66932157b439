package com.watchparty.query.log;

import com.watchparty.api.chat.ChatMessageSentEvent;
import com.watchparty.api.log.LogEventType;
import com.watchparty.api.moderation.HostChangedEvent;
import com.watchparty.api.moderation.MessageDeletedEvent;
import com.watchparty.api.moderation.ModeratorChangedEvent;
import com.watchparty.api.moderation.UserBannedEvent;
import com.watchparty.api.moderation.UserKickedEvent;
import com.watchparty.api.moderation.UserMutedEvent;
import com.watchparty.api.moderation.UserUnbannedEvent;
import com.watchparty.api.playback.PlaybackChangedEvent;
import com.watchparty.api.presence.UserJoinedPartyEvent;
import com.watchparty.api.presence.UserLeftPartyEvent;
import com.watchparty.api.reaction.ReactionsRecordedEvent;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a room event is as a WatchPartyLog row: its {@code event_type}, who, and its {@code content}. The one
 * mapping used by the log and by the replay timeline (the log has no reactions, the replay no moderation).
 */
public record LogEntry(UUID partyId, UUID userId, LogEventType type, Map<String, Object> content) {

    /** The log row of an event, if it is one of the seed's logged interactions. */
    public static Optional<LogEntry> of(Object event) {
        if (event instanceof UserJoinedPartyEvent e) {
            return Optional.of(new LogEntry(e.partyId(), e.userId(), LogEventType.JOIN, Map.of("username", e.username())));
        }
        if (event instanceof UserLeftPartyEvent e) {
            return Optional.of(new LogEntry(e.partyId(), e.userId(), LogEventType.LEAVE, Map.of()));
        }
        if (event instanceof ChatMessageSentEvent e) {
            return Optional.of(new LogEntry(e.partyId(), e.userId(), LogEventType.MESSAGE,
                    Map.of("message_id", e.messageId(), "content", e.content())));
        }
        if (event instanceof PlaybackChangedEvent e) {
            return Optional.of(new LogEntry(e.partyId(), e.userId(), LogEventType.valueOf(e.action().name()),
                    Map.of("position", e.position())));
        }
        if (event instanceof ReactionsRecordedEvent e) {
            return Optional.of(new LogEntry(e.partyId(), null, LogEventType.REACTIONS, Map.of("counts", e.counts())));
        }
        if (event instanceof MessageDeletedEvent e) {
            return Optional.of(new LogEntry(e.partyId(), e.deletedBy(), LogEventType.MESSAGE_DELETED,
                    Map.of("message_id", e.messageId())));
        }
        if (event instanceof ModeratorChangedEvent e) {
            return Optional.of(new LogEntry(e.partyId(), e.by(), LogEventType.MODERATOR,
                    Map.of("target_user_id", e.userId(), "moderator", e.moderator())));
        }
        if (event instanceof UserMutedEvent e) {
            return Optional.of(new LogEntry(e.partyId(), e.by(), LogEventType.MUTE,
                    Map.of("target_user_id", e.userId(), "until", e.until().toString())));
        }
        if (event instanceof UserKickedEvent e) {
            return Optional.of(new LogEntry(e.partyId(), e.by(), LogEventType.KICK, Map.of("target_user_id", e.userId())));
        }
        if (event instanceof UserBannedEvent e) {
            Map<String, Object> content = new HashMap<>(Map.of("target_user_id", e.userId()));
            content.put("reason", e.reason());
            return Optional.of(new LogEntry(e.partyId(), e.by(), LogEventType.BAN, content));
        }
        if (event instanceof HostChangedEvent e) {
            return Optional.of(new LogEntry(e.partyId(), e.by(), LogEventType.HOST, Map.of("target_user_id",
                    e.hostId(), "previous_host_id", e.previousHostId(),
                    "reason", e.by() == null ? "host_left" : "handed_over")));
        }
        if (event instanceof UserUnbannedEvent e) {
            return Optional.of(new LogEntry(e.partyId(), e.by(), LogEventType.UNBAN, Map.of("target_user_id", e.userId())));
        }
        return Optional.empty();
    }
}
