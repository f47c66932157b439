package com.watchparty.query.log;

import com.watchparty.api.chat.ChatMessageSentEvent;
import com.watchparty.api.log.LogEventType;
import com.watchparty.api.playback.PlaybackChangedEvent;
import com.watchparty.api.presence.UserJoinedPartyEvent;
import com.watchparty.api.presence.UserLeftPartyEvent;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a room event is as a WatchPartyLog row: its {@code event_type}, who, and its {@code content}. The one
 * mapping used by the log and by the replay timeline.
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
        return Optional.empty();
    }
}
