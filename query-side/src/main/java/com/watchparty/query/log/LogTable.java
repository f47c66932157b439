package com.watchparty.query.log;

import com.watchparty.query.JsonColumns;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static com.watchparty.query.Timestamps.of;

/**
 * A table of room events, one row per event as {@link LogEntry} maps it: the WatchPartyLog and the replay timeline.
 * Rows are appended in the projection's batch, one plain insert each, once: a redelivered event (its id or its place
 * in the party's stream already there) changes nothing.
 */
public final class LogTable {

    private static final String COLUMNS = "event_id, party_id, sequence_number, user_id, event_type, content, real_time";
    private static final String VALUES = "?, ?, ?, ?, ?, ?::jsonb, ?";

    private final JdbcClient jdbc;
    private final JsonColumns json;
    private final String table;
    private final String insert;

    /** @param more the table's own columns after the common ones, given to {@link #append} in this order */
    public LogTable(JdbcClient jdbc, JsonColumns json, String table, String... more) {
        this.jdbc = jdbc;
        this.json = json;
        this.table = table;
        this.insert = "insert into " + table + " (" + COLUMNS + Arrays.stream(more).map(c -> ", " + c).reduce("", String::concat)
                + ") values (" + VALUES + ", ?".repeat(more.length) + ") on conflict do nothing";
    }

    /** Appends a room event of the party's stream at {@code sequence}, with the values of the table's own columns. */
    public void append(Object event, EventMessage<?> message, long sequence, Object... more) {
        LogEntry entry = LogEntry.of(event).orElseThrow();
        List<Object> values = new ArrayList<>(Arrays.asList(message.getIdentifier(), entry.partyId(), sequence,
                entry.userId(), entry.type().name(), json.write(entry.content()), of(message.getTimestamp())));
        values.addAll(Arrays.asList(more));
        jdbc.sql(insert).params(values).update();
    }

    /**
     * Runs a statement on the rows of one chat message, e.g. {@code "update party_log set removed = true"}.
     *
     * @param statement an update or delete of this table, without its {@code where}
     */
    public void onMessage(String statement, UUID partyId, UUID messageId) {
        jdbc.sql(statement + " where party_id = ? and event_type = 'MESSAGE' and content ->> 'message_id' = ?")
                .params(partyId, messageId.toString()).update();
    }

    /** Empties the table, for a rebuild. */
    public void clear() {
        jdbc.sql("delete from " + table).update();
    }
}
