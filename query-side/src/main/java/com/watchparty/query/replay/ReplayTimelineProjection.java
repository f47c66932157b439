package com.watchparty.query.replay;

import com.watchparty.api.chat.ChatMessageSentEvent;
import com.watchparty.api.moderation.MessageDeletedEvent;
import com.watchparty.api.party.WatchPartyFinishedEvent;
import com.watchparty.api.party.WatchPartyScheduledEvent;
import com.watchparty.api.party.WatchPartyUpdatedEvent;
import com.watchparty.api.playback.PlaybackChangedEvent;
import com.watchparty.api.presence.UserJoinedPartyEvent;
import com.watchparty.api.presence.UserLeftPartyEvent;
import com.watchparty.api.reaction.ReactionsRecordedEvent;
import com.watchparty.api.replay.FindReplayQuery;
import com.watchparty.api.replay.PlaybackSegment;
import com.watchparty.api.replay.ReplayTimeline;
import com.watchparty.api.room.PlaybackState;
import com.watchparty.query.JsonColumns;
import com.watchparty.query.log.LogEntry;
import com.watchparty.query.log.LogTable;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static com.watchparty.query.Timestamps.of;
import static com.watchparty.query.Timestamps.read;

/**
 * The replay timeline: each logged event of a party with its {@code media_time}, the film position at that moment
 * derived from the play/pause/seek history before it, so chat said while the film was paused at 12:00 replays at
 * 12:00 of the film. Also the playback segments. The party's film clock is kept in {@code replay_clock}.
 */
@Component
@ProcessingGroup(ReplayTimelineProjection.PROCESSING_GROUP)
class ReplayTimelineProjection {

    static final String PROCESSING_GROUP = "replay-timeline";

    private final JdbcClient jdbc;
    private final LogTable timeline;
    private final ReplayReader reader;

    ReplayTimelineProjection(JdbcClient jdbc, JsonColumns json, ReplayReader reader) {
        this.jdbc = jdbc;
        this.timeline = new LogTable(jdbc, json, "replay_event", "media_time");
        this.reader = reader;
    }

    @EventHandler
    void on(WatchPartyScheduledEvent event, EventMessage<?> message) {
        save(event.partyId(), event.startTime(), ReplayClock.atStart(message.getTimestamp(),
                event.movieDurationSeconds()));
    }

    @EventHandler
    void on(WatchPartyUpdatedEvent event) {
        jdbc.sql("update replay_clock set start_time = ? where party_id = ?")
                .params(of(event.startTime()), event.partyId()).update();
    }

    @EventHandler
    void on(UserJoinedPartyEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        jdbc.sql("""
                        insert into replay_participant (party_id, user_id, username) values (?, ?, ?)
                        on conflict (party_id, user_id) do update set username = excluded.username""")
                .params(event.partyId(), event.userId(), event.username()).update();
        record(event, message, sequence);
    }

    @EventHandler
    void on(UserLeftPartyEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        record(event, message, sequence);
    }

    @EventHandler
    void on(ChatMessageSentEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        record(event, message, sequence);
    }

    /** A window of reactions replays where it happened in the film. */
    @EventHandler
    void on(ReactionsRecordedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        record(event, message, sequence);
    }

    /** A deleted message never replays, as Twitch hides deleted chat in its VODs. */
    @EventHandler
    void on(MessageDeletedEvent event) {
        timeline.onMessage("delete from replay_event", event.partyId(), event.messageId());
    }

    @EventHandler
    void on(PlaybackChangedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        clock(event.partyId()).ifPresent(clock -> {
            // a scheduled play starts the film when it takes effect, not when it was stored
            var step = clock.apply(event.action(), event.position(), event.effectiveAt(message.getTimestamp()),
                    event.userId());
            step.closedSegment().ifPresent(segment -> saveSegment(event.partyId(), segment));
            update(event.partyId(), step.clock());
        });
        // the action's own moment is the position it set
        timeline.append(event, message, sequence, event.position());
    }

    @EventHandler
    void on(WatchPartyFinishedEvent event, EventMessage<?> message) {
        clock(event.partyId()).ifPresent(clock -> {
            var step = clock.stop(message.getTimestamp());
            step.closedSegment().ifPresent(segment -> saveSegment(event.partyId(), segment));
            update(event.partyId(), step.clock());
        });
        jdbc.sql("update replay_clock set finished_at = ? where party_id = ?")
                .params(of(message.getTimestamp()), event.partyId()).update();
    }

    @ResetHandler
    void reset() {
        timeline.clear();
        jdbc.sql("delete from replay_segment").update();
        jdbc.sql("delete from replay_participant").update();
        jdbc.sql("delete from replay_clock").update();
    }

    @QueryHandler
    ReplayTimeline handle(FindReplayQuery query) {
        return reader.page(query);
    }

    private void record(Object event, EventMessage<?> message, long sequence) {
        LogEntry logEntry = LogEntry.of(event).orElseThrow();
        double mediaTime = clock(logEntry.partyId()).map(c -> c.mediaTimeAt(message.getTimestamp())).orElse(0.0);
        timeline.append(event, message, sequence, mediaTime);
    }

    private Optional<ReplayClock> clock(UUID partyId) {
        return jdbc.sql("select * from replay_clock where party_id = ?").param(partyId)
                .query((rs, n) -> new ReplayClock(new PlaybackState(rs.getBoolean("playing"), rs.getDouble("position"),
                        read(rs, "position_at"), rs.getDouble("playback_rate"), rs.getObject("updated_by", UUID.class)),
                        rs.getInt("duration_seconds")))
                .optional();
    }

    private void save(UUID partyId, Instant startTime, ReplayClock clock) {
        jdbc.sql("""
                        insert into replay_clock (party_id, start_time, duration_seconds, playing, position, position_at,
                            playback_rate, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (party_id) do nothing""")
                .params(partyId, of(startTime), clock.durationSeconds(), clock.playback().playing(),
                        clock.playback().position(), of(clock.playback().serverTime()), clock.playback().playbackRate(),
                        clock.playback().updatedBy())
                .update();
    }

    private void update(UUID partyId, ReplayClock clock) {
        jdbc.sql("""
                        update replay_clock set playing = ?, position = ?, position_at = ?, playback_rate = ?,
                            updated_by = ? where party_id = ?""")
                .params(clock.playback().playing(), clock.playback().position(), of(clock.playback().serverTime()),
                        clock.playback().playbackRate(), clock.playback().updatedBy(), partyId)
                .update();
    }

    private void saveSegment(UUID partyId, PlaybackSegment segment) {
        jdbc.sql("""
                        insert into replay_segment (party_id, from_real_time, to_real_time, from_media_time,
                            to_media_time, playback_rate)
                        values (?, ?, ?, ?, ?, ?) on conflict (party_id, from_real_time) do nothing""")
                .params(partyId, of(segment.fromRealTime()), of(segment.toRealTime()), segment.fromMediaTime(),
                        segment.toMediaTime(), segment.playbackRate())
                .update();
    }
}
