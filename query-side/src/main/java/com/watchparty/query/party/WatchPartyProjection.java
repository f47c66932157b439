package com.watchparty.query.party;

import com.watchparty.api.Page;
import com.watchparty.api.party.FindWatchPartyQuery;
import com.watchparty.api.party.ListWatchPartiesQuery;
import com.watchparty.api.party.PartyStatus;
import com.watchparty.api.party.WatchPartyFinishedEvent;
import com.watchparty.api.party.WatchPartyScheduledEvent;
import com.watchparty.api.party.WatchPartyStartedEvent;
import com.watchparty.api.party.WatchPartyUpdatedEvent;
import com.watchparty.api.party.WatchPartyView;
import com.watchparty.api.playback.PlaybackControlChangedEvent;
import com.watchparty.api.presence.UserJoinedPartyEvent;
import com.watchparty.api.presence.UserLeftPartyEvent;
import com.watchparty.api.ticketing.TicketPurchasedEvent;
import com.watchparty.query.Pages;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.watchparty.query.Timestamps.of;
import static com.watchparty.query.Timestamps.read;

/**
 * Watch parties with their status, seats sold and people in the room: {@code GET /watch-parties}; and who holds
 * a ticket for each, for {@link PartyReaders}.
 * Subscribers to {@link FindWatchPartyQuery} get every new version of a party.
 */
@Component
@ProcessingGroup("watch-parties")
class WatchPartyProjection {

    private static final String COLUMNS = """
            p.id, p.movie_id, p.start_time, p.end_time, p.is_featured, p.max_participants, p.status,
            p.tickets_sold, p.active_participants, p.host_only_playback, p.version,
            m.title as movie_title, m.duration_seconds as movie_duration, m.poster_url as movie_poster""";
    private static final String FROM = "from watch_party_view p left join movie_view m on m.id = p.movie_id";

    private static final RowMapper<WatchPartyView> ROW = (rs, n) -> new WatchPartyView(
            rs.getObject("id", UUID.class),
            new WatchPartyView.MovieSummary(rs.getObject("movie_id", UUID.class), rs.getString("movie_title"),
                    rs.getObject("movie_duration", Integer.class), rs.getString("movie_poster")),
            read(rs, "start_time"), read(rs, "end_time"), rs.getBoolean("is_featured"),
            rs.getInt("max_participants"), PartyStatus.valueOf(rs.getString("status")),
            rs.getInt("tickets_sold"), rs.getInt("active_participants"), rs.getBoolean("host_only_playback"),
            rs.getLong("version"));

    private final JdbcClient jdbc;
    private final QueryUpdateEmitter emitter;

    WatchPartyProjection(JdbcClient jdbc, QueryUpdateEmitter emitter) {
        this.jdbc = jdbc;
        this.emitter = emitter;
    }

    @EventHandler
    void on(WatchPartyScheduledEvent event, @SequenceNumber long version) {
        jdbc.sql("""
                        insert into watch_party_view (id, movie_id, start_time, end_time, is_featured,
                            max_participants, status, tickets_sold, active_participants, version)
                        values (?, ?, ?, ?, ?, ?, ?, 0, 0, ?) on conflict (id) do nothing""")
                .params(event.partyId(), event.movieId(), of(event.startTime()), of(event.endTime()),
                        event.featured(), event.maxParticipants(), PartyStatus.UPCOMING.name(), version)
                .update();
        publish(event.partyId());
    }

    @EventHandler
    void on(WatchPartyUpdatedEvent event, @SequenceNumber long version) {
        change(event.partyId(), version, "start_time = ?, end_time = ?, is_featured = ?, max_participants = ?",
                of(event.startTime()), of(event.endTime()), event.featured(), event.maxParticipants());
    }

    @EventHandler
    void on(PlaybackControlChangedEvent event, @SequenceNumber long version) {
        change(event.partyId(), version, "host_only_playback = ?", event.hostOnly());
    }

    @EventHandler
    void on(WatchPartyStartedEvent event, @SequenceNumber long version) {
        change(event.partyId(), version, "status = ?", PartyStatus.ONGOING.name());
    }

    @EventHandler
    void on(WatchPartyFinishedEvent event, @SequenceNumber long version) {
        change(event.partyId(), version, "status = ?, active_participants = 0", PartyStatus.FINISHED.name());
    }

    @EventHandler
    void on(TicketPurchasedEvent event, @SequenceNumber long version) {
        jdbc.sql("insert into party_ticket_holder (party_id, user_id) values (?, ?) on conflict do nothing")
                .params(event.partyId(), event.userId()).update();
        change(event.partyId(), version, "tickets_sold = tickets_sold + 1");
    }

    @EventHandler
    void on(UserJoinedPartyEvent event, @SequenceNumber long version) {
        change(event.partyId(), version, "active_participants = active_participants + 1");
    }

    @EventHandler
    void on(UserLeftPartyEvent event, @SequenceNumber long version) {
        change(event.partyId(), version, "active_participants = greatest(active_participants - 1, 0)");
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from watch_party_view").update();
        jdbc.sql("delete from party_ticket_holder").update();
    }

    @QueryHandler
    Optional<WatchPartyView> handle(FindWatchPartyQuery query) {
        return find(query.partyId());
    }

    @QueryHandler
    Page<WatchPartyView> handle(ListWatchPartiesQuery query) {
        var where = new ArrayList<String>();
        var params = new ArrayList<>();
        if (query.status() != null) {
            where.add("p.status = ?");
            params.add(query.status().name());
        }
        if (query.featured() != null) {
            where.add("p.is_featured = ?");
            params.add(query.featured());
        }
        String from = where.isEmpty() ? FROM : FROM + " where " + String.join(" and ", where);
        return Pages.read(jdbc, COLUMNS, from, "p.start_time, p.id", params, ROW, query.page());
    }

    /** Applies a change once: an event at or below the stored version was already applied (e.g. on a retry). */
    private void change(UUID partyId, long version, String assignments, Object... params) {
        var all = new ArrayList<>(List.of(params));
        all.add(version);
        all.add(partyId);
        all.add(version);
        int updated = jdbc.sql("update watch_party_view set " + assignments + ", version = ? where id = ? and version < ?")
                .params(all).update();
        if (updated > 0) {
            publish(partyId);
        }
    }

    /** Reads the party again only when someone subscribed to it, so a replay costs no extra queries. */
    private void publish(UUID partyId) {
        boolean watched = emitter.activeSubscriptions().stream()
                .anyMatch(s -> s.getPayload() instanceof FindWatchPartyQuery q && q.partyId().equals(partyId));
        if (watched) {
            find(partyId).ifPresent(view ->
                    emitter.emit(FindWatchPartyQuery.class, q -> q.partyId().equals(partyId), view));
        }
    }

    private Optional<WatchPartyView> find(UUID partyId) {
        return jdbc.sql("select " + COLUMNS + " " + FROM + " where p.id = ?").param(partyId).query(ROW).optional();
    }
}
