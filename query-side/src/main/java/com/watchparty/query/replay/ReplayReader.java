package com.watchparty.query.replay;

import com.fasterxml.jackson.core.JsonGenerator;
import com.watchparty.api.Page;
import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import com.watchparty.api.log.LogEventType;
import com.watchparty.api.replay.FindReplayQuery;
import com.watchparty.api.replay.PlaybackSegment;
import com.watchparty.api.replay.ReplayCursor;
import com.watchparty.api.replay.ReplayEntry;
import com.watchparty.api.replay.ReplayTimeline;
import com.watchparty.query.JsonColumns;
import com.watchparty.query.JsonRows;
import com.watchparty.query.Pages;
import com.watchparty.query.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.watchparty.query.Timestamps.read;

/** Reads the replay timeline: by pages (the query bus) or as one stream in constant memory (the NDJSON route). */
@Component
class ReplayReader {

    // The party's start time and its participants' names are read once for a whole read, not joined to every row:
    // the joins cost PostgreSQL more than reading the rows themselves.
    private static final String COLUMNS =
            "e.event_id, e.sequence_number, e.event_type, e.user_id, e.content::text as content, e.real_time, e.media_time";
    private static final String ORDER = "e.media_time, e.sequence_number";

    private final JdbcClient jdbc;
    private final JsonColumns json;

    ReplayReader(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * What every entry of a party's timeline refers to: its start time and its participants' names.
     *
     * @param usernames by user id as PostgreSQL writes a uuid
     */
    private record Party(Instant startTime, int durationSeconds, Map<String, String> usernames) {

        /** Seconds from the start, to the microsecond of the timestamps: what PostgreSQL's extract(epoch) gives. */
        double eventTime(Instant at) {
            return ChronoUnit.MICROS.between(startTime, at) / 1e6;
        }
    }

    /**
     * The party of a written timeline. Refuses to read a timeline whose finish this projection has not processed
     * yet: the party may already read as finished in the party list, but its last segment would be missing. Callers
     * first tell an unknown party (404) from one still running (409 {@code party_not_finished}); this covers the
     * moments in between.
     */
    private Party written(UUID partyId) {
        Map<String, String> usernames = new HashMap<>();
        jdbc.sql("select user_id, username from replay_participant where party_id = ?").param(partyId)
                .query(rs -> {
                    usernames.put(rs.getString("user_id"), rs.getString("username"));
                });
        return jdbc.sql("""
                        select start_time, duration_seconds from replay_clock
                        where party_id = ? and finished_at is not null""")
                .param(partyId)
                .query((rs, n) -> new Party(read(rs, "start_time"), rs.getInt("duration_seconds"), usernames))
                .optional()
                .orElseThrow(() -> new RejectedException(ErrorCode.REPLAY_NOT_READY,
                        "the party has just finished and its replay is still being written; try again in a moment"));
    }

    /** One page of the timeline, with the party's segments and the cursor of the next page, once it is written. */
    ReplayTimeline page(FindReplayQuery query) {
        Party party = written(query.partyId());
        List<PlaybackSegment> segments = jdbc.sql("""
                        select * from replay_segment where party_id = ? order by from_real_time""")
                .param(query.partyId())
                .query((rs, n) -> new PlaybackSegment(read(rs, "from_real_time"), read(rs, "to_real_time"),
                        rs.getDouble("from_media_time"), rs.getDouble("to_media_time"), rs.getDouble("playback_rate")))
                .list();
        String from = from(query);
        List<Object> parameters = parameters(query);
        Page<ReplayEntry> events = query.after() == null
                ? Pages.read(jdbc, COLUMNS, from, ORDER, parameters, (rs, n) -> entry(rs, party), query.page())
                // the first page counted the timeline and its cursor carries the total: no count for every page
                : Pages.read(jdbc, COLUMNS, from, ORDER, parameters, (rs, n) -> entry(rs, party), query.page(),
                        query.after().totalItems());
        Instant end = segments.isEmpty() ? null : segments.get(segments.size() - 1).toRealTime();
        String next = events.items().size() < query.page().size() ? null
                : ReplayCursor.of(events.items().get(events.items().size() - 1), events.totalItems()).toString();
        return new ReplayTimeline(query.partyId(), party.startTime(), end, party.durationSeconds(), segments, events,
                next);
    }

    private ReplayEntry entry(ResultSet row, Party party) throws SQLException {
        String userId = row.getString("user_id");
        Instant realTime = read(row, "real_time");
        return new ReplayEntry(row.getString("event_id"), row.getLong("sequence_number"),
                LogEventType.valueOf(row.getString("event_type")), userId == null ? null : UUID.fromString(userId),
                party.usernames().get(userId), json.read(row.getString("content")), realTime,
                party.eventTime(realTime), row.getDouble("media_time"));
    }

    /** Every entry the query selects, in film order, as the JSON of a {@link ReplayEntry} each, once written. */
    JsonRows lines(FindReplayQuery query) {
        Party party = written(query.partyId());
        return new JsonRows("select " + COLUMNS + " " + from(query) + " order by " + ORDER, parameters(query),
                (row, out) -> write(row, party, out));
    }

    private static void write(ResultSet row, Party party, JsonGenerator json) throws SQLException, IOException {
        String userId = row.getString("user_id");
        Instant realTime = read(row, "real_time");
        json.writeStartObject();
        json.writeStringField("id", row.getString("event_id"));
        json.writeNumberField("sequence", row.getLong("sequence_number"));
        json.writeStringField("event_type", LogEventType.valueOf(row.getString("event_type")).wireName());
        json.writeStringField("user_id", userId);
        json.writeStringField("username", party.usernames().get(userId));
        JsonColumns.writeField(json, "content", row.getString("content"));
        json.writeStringField("real_time", realTime.toString());
        json.writeNumberField("event_time", party.eventTime(realTime));
        json.writeNumberField("media_time", row.getDouble("media_time"));
        json.writeEndObject();
    }

    private static String from(FindReplayQuery query) {
        return "from replay_event e " + where(query);
    }

    private static String where(FindReplayQuery query) {
        List<String> where = new ArrayList<>(List.of("e.party_id = ?"));
        if (!query.eventTypes().isEmpty()) {
            where.add("e.event_type in (" + String.join(", ", query.eventTypes().stream().map(t -> "?").toList()) + ")");
        }
        if (query.fromMediaTime() != null) {
            where.add("e.media_time >= ?");
        }
        if (query.toMediaTime() != null) {
            where.add("e.media_time < ?");
        }
        if (query.fromRealTime() != null) {
            where.add("e.real_time >= ?");
        }
        if (query.toRealTime() != null) {
            where.add("e.real_time < ?");
        }
        if (query.after() != null) {
            where.add("(e.media_time, e.sequence_number) > (?, ?)");
        }
        return "where " + String.join(" and ", where);
    }

    private static List<Object> parameters(FindReplayQuery query) {
        List<Object> parameters = new ArrayList<>(List.of(query.partyId()));
        query.eventTypes().stream().map(Enum::name).sorted().forEach(parameters::add);
        Optional.ofNullable(query.fromMediaTime()).ifPresent(parameters::add);
        Optional.ofNullable(query.toMediaTime()).ifPresent(parameters::add);
        Optional.ofNullable(query.fromRealTime()).map(Timestamps::of).ifPresent(parameters::add);
        Optional.ofNullable(query.toRealTime()).map(Timestamps::of).ifPresent(parameters::add);
        Optional.ofNullable(query.after()).ifPresent(after -> {
            parameters.add(after.mediaTime());
            parameters.add(after.sequence());
        });
        return parameters;
    }
}
