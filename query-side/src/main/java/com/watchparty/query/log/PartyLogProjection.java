package com.watchparty.query.log;

import com.fasterxml.jackson.core.JsonGenerator;
import com.watchparty.api.Page;
import com.watchparty.api.chat.ChatMessageSentEvent;
import com.watchparty.api.log.FindPartyLogQuery;
import com.watchparty.api.log.LogEventType;
import com.watchparty.api.log.PartyLogEntry;
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
import com.watchparty.query.JsonColumns;
import com.watchparty.query.JsonRows;
import com.watchparty.query.Pages;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static com.watchparty.query.Timestamps.read;

/**
 * The seed's WatchPartyLog: every join, leave, message, player action and moderation of a party, in the order they were
 * stored, with {@code event_time} in seconds from the party's (current) start time.
 */
@Component
@ProcessingGroup("party-log")
class PartyLogProjection {

    private static final String COLUMNS = "l.event_id, l.party_id, l.user_id, l.event_type, l.real_time, "
            + "extract(epoch from (l.real_time - p.start_time))::float8 as event_time, ";
    /** A deleted message as admins read it: all of it, marked removed. */
    private static final String CONTENT_SHOWN = COLUMNS
            + "case when l.removed then l.content || '{\"removed\": true}' else l.content end as content";
    /** A deleted message as everyone else reads it: that it was removed, not what it said. */
    private static final String CONTENT_HIDDEN = COLUMNS + "case when l.removed then "
            + "jsonb_build_object('message_id', l.content -> 'message_id', 'removed', true) else l.content end as content";
    private static final String FROM =
            "from party_log l join watch_party_view p on p.id = l.party_id where l.party_id = ?";
    private static final String ORDER = "l.sequence_number";

    private final JdbcClient jdbc;
    private final LogTable log;
    private final RowMapper<PartyLogEntry> row;

    PartyLogProjection(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.log = new LogTable(jdbc, json, "party_log");
        this.row = (rs, n) -> new PartyLogEntry(rs.getString("event_id"), rs.getObject("party_id", UUID.class),
                rs.getObject("user_id", UUID.class), LogEventType.valueOf(rs.getString("event_type")),
                json.read(rs.getString("content")), read(rs, "real_time"), rs.getDouble("event_time"));
    }

    @EventHandler
    void on(UserJoinedPartyEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log.append(event, message, sequence);
    }

    @EventHandler
    void on(UserLeftPartyEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log.append(event, message, sequence);
    }

    @EventHandler
    void on(ChatMessageSentEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log.append(event, message, sequence);
    }

    @EventHandler
    void on(PlaybackChangedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log.append(event, message, sequence);
    }

    /** The message's row stays, marked removed; the deletion is a row of its own after it. */
    @EventHandler
    void on(MessageDeletedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log.onMessage("update party_log set removed = true", event.partyId(), event.messageId());
        log.append(event, message, sequence);
    }

    @EventHandler
    void on(ModeratorChangedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log.append(event, message, sequence);
    }

    @EventHandler
    void on(UserMutedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log.append(event, message, sequence);
    }

    @EventHandler
    void on(UserKickedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log.append(event, message, sequence);
    }

    @EventHandler
    void on(UserBannedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log.append(event, message, sequence);
    }

    @EventHandler
    void on(UserUnbannedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log.append(event, message, sequence);
    }

    @EventHandler
    void on(HostChangedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log.append(event, message, sequence);
    }

    @ResetHandler
    void reset() {
        log.clear();
    }

    @QueryHandler
    Page<PartyLogEntry> handle(FindPartyLogQuery query) {
        return Pages.read(jdbc, columns(query.showRemoved()), FROM, ORDER, List.of(query.partyId()), row, query.page());
    }

    /** The party's whole log, in order, as the JSON of a {@link PartyLogEntry} each. */
    JsonRows lines(UUID partyId, boolean showRemoved) {
        return new JsonRows("select " + columns(showRemoved) + " " + FROM + " order by " + ORDER, List.of(partyId),
                PartyLogProjection::write);
    }

    private static String columns(boolean showRemoved) {
        return showRemoved ? CONTENT_SHOWN : CONTENT_HIDDEN;
    }

    private static void write(ResultSet row, JsonGenerator json) throws SQLException, IOException {
        json.writeStartObject();
        json.writeStringField("id", row.getString("event_id"));
        json.writeStringField("watch_party_id", row.getString("party_id"));
        json.writeStringField("user_id", row.getString("user_id"));
        json.writeStringField("event_type", LogEventType.valueOf(row.getString("event_type")).wireName());
        JsonColumns.writeField(json, "content", row.getString("content"));
        json.writeStringField("real_time", read(row, "real_time").toString());
        json.writeNumberField("event_time", row.getDouble("event_time"));
        json.writeEndObject();
    }

}
