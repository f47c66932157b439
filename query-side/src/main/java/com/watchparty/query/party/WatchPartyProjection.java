package com.watchparty.query.party;

import com.watchparty.api.Page;
import com.watchparty.api.moderation.HostChangedEvent;
import com.watchparty.api.party.BoxOfficeView;
import com.watchparty.api.party.FindBoxOfficeQuery;
import com.watchparty.api.party.FindWatchPartyQuery;
import com.watchparty.api.party.ListWatchPartiesQuery;
import com.watchparty.api.party.PartyAccess;
import com.watchparty.api.party.PartyAccessChangedEvent;
import com.watchparty.api.party.PartyStatus;
import com.watchparty.api.party.WatchPartyFinishedEvent;
import com.watchparty.api.party.WatchPartyScheduledEvent;
import com.watchparty.api.party.WatchPartyStartedEvent;
import com.watchparty.api.party.WatchPartyUpdatedEvent;
import com.watchparty.api.party.WatchPartyView;
import com.watchparty.api.playback.PlaybackControlChangedEvent;
import com.watchparty.api.presence.UserJoinedPartyEvent;
import com.watchparty.api.presence.UserLeftPartyEvent;
import com.watchparty.api.ticketing.PurchaseCancelledEvent;
import com.watchparty.api.ticketing.SeatHeldEvent;
import com.watchparty.api.ticketing.SeatHoldExpiredEvent;
import com.watchparty.api.ticketing.TicketPurchasedEvent;
import com.watchparty.api.ticketing.WaitingListJoinedEvent;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.watchparty.query.Timestamps.of;
import static com.watchparty.query.Timestamps.read;

/**
 * Watch parties with their status, seats sold and people in the room: {@code GET /watch-parties} (public parties
 * only); who holds a ticket for each, for {@link PartyReaders}; and the box office: each purchase and cancellation
 * ({@code purchase_view}), each party's waiting list and holds ({@code waiting_list_view}), and the counts of both
 * in the party's row. One projection, so that a party's version covers all of them.
 * Subscribers to {@link FindWatchPartyQuery} get every new version of a party.
 */
@Component
@ProcessingGroup("watch-parties")
class WatchPartyProjection {

    private static final String COLUMNS = """
            p.id, p.movie_id, p.start_time, p.end_time, p.is_featured, p.max_participants, p.status,
            p.tickets_sold, p.active_participants, p.host_only_playback, p.access, p.host_id, p.version,
            m.title as movie_title, m.duration_seconds as movie_duration, m.poster_url as movie_poster""";
    private static final String FROM = "from watch_party_view p left join movie_view m on m.id = p.movie_id";

    private static final RowMapper<WatchPartyView> ROW = (rs, n) -> new WatchPartyView(
            rs.getObject("id", UUID.class),
            new WatchPartyView.MovieSummary(rs.getObject("movie_id", UUID.class), rs.getString("movie_title"),
                    rs.getObject("movie_duration", Integer.class), rs.getString("movie_poster")),
            read(rs, "start_time"), read(rs, "end_time"), rs.getBoolean("is_featured"),
            rs.getInt("max_participants"), PartyStatus.valueOf(rs.getString("status")),
            rs.getInt("tickets_sold"), rs.getInt("active_participants"), rs.getBoolean("host_only_playback"),
            PartyAccess.valueOf(rs.getString("access")), rs.getObject("host_id", UUID.class), rs.getLong("version"));

    private static final RowMapper<BoxOfficeView> BOX_OFFICE = (rs, n) -> new BoxOfficeView(
            rs.getObject("id", UUID.class), rs.getInt("max_participants"), rs.getInt("tickets_sold"),
            rs.getInt("seats_held"), rs.getInt("tickets_cancelled"), rs.getInt("waiting"),
            PartyAccess.valueOf(rs.getString("access")), rs.getString("invitation_code"), rs.getLong("version"));

    /** The line's counts, taken from the line itself once it has changed. */
    private static final String LINE_COUNTS = """
            seats_held = (select count(*) from waiting_list_view w
                          where w.party_id = watch_party_view.id and w.hold_expires_at is not null),
            waiting = (select count(*) from waiting_list_view w
                       where w.party_id = watch_party_view.id and w.hold_expires_at is null)""";

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
                            max_participants, status, tickets_sold, active_participants, host_id, version)
                        values (?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?) on conflict (id) do nothing""")
                .params(event.partyId(), event.movieId(), of(event.startTime()), of(event.endTime()),
                        event.featured(), event.maxParticipants(), PartyStatus.UPCOMING.name(), event.scheduledBy(),
                        version)
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
    void on(HostChangedEvent event, @SequenceNumber long version) {
        change(event.partyId(), version, "host_id = ?", event.hostId());
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
    void on(PartyAccessChangedEvent event, @SequenceNumber long version) {
        change(event.partyId(), version, "access = ?, invitation_code = ?", event.access().name(),
                event.invitationCode());
    }

    @EventHandler
    void on(TicketPurchasedEvent event, @SequenceNumber long version) {
        jdbc.sql("insert into party_ticket_holder (party_id, user_id) values (?, ?) on conflict do nothing")
                .params(event.partyId(), event.userId()).update();
        jdbc.sql("""
                        insert into purchase_view (id, party_id, user_id, ticket_id, purchased_at, price_paid, currency,
                            voucher_code)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""")
                .params(event.purchaseId(), event.partyId(), event.userId(), event.ticketId(), of(event.purchasedAt()),
                        event.pricePaid(), event.currency(), event.voucherCode())
                .update();
        leaveTheLine(event.partyId(), event.userId());
        change(event.partyId(), version, "tickets_sold = tickets_sold + 1, " + LINE_COUNTS);
    }

    @EventHandler
    void on(PurchaseCancelledEvent event, @SequenceNumber long version) {
        jdbc.sql("delete from party_ticket_holder where party_id = ? and user_id = ?")
                .params(event.partyId(), event.userId()).update();
        jdbc.sql("update purchase_view set refund_amount = ?, cancelled_at = ? where id = ?")
                .params(event.refundAmount(), of(event.cancelledAt()), event.purchaseId()).update();
        change(event.partyId(), version, "tickets_sold = tickets_sold - 1, tickets_cancelled = tickets_cancelled + 1");
    }

    @EventHandler
    void on(WaitingListJoinedEvent event, @SequenceNumber long version) {
        jdbc.sql("""
                        insert into waiting_list_view (party_id, user_id, joined_sequence) values (?, ?, ?)
                        on conflict do nothing""")
                .params(event.partyId(), event.userId(), version).update();
        change(event.partyId(), version, LINE_COUNTS);
    }

    @EventHandler
    void on(SeatHeldEvent event, @SequenceNumber long version) {
        jdbc.sql("update waiting_list_view set hold_expires_at = ? where party_id = ? and user_id = ?")
                .params(of(event.expiresAt()), event.partyId(), event.userId()).update();
        change(event.partyId(), version, LINE_COUNTS);
    }

    @EventHandler
    void on(SeatHoldExpiredEvent event, @SequenceNumber long version) {
        leaveTheLine(event.partyId(), event.userId());
        change(event.partyId(), version, LINE_COUNTS);
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
        jdbc.sql("delete from purchase_view").update();
        jdbc.sql("delete from waiting_list_view").update();
    }

    @QueryHandler
    Optional<WatchPartyView> handle(FindWatchPartyQuery query) {
        return find(query.partyId());
    }

    @QueryHandler
    Optional<BoxOfficeView> handle(FindBoxOfficeQuery query) {
        return jdbc.sql("select * from watch_party_view where id = ?").param(query.partyId()).query(BOX_OFFICE)
                .optional();
    }

    /** Public parties only: an unlisted or invite-only one is reached by its id. */
    @QueryHandler
    Page<WatchPartyView> handle(ListWatchPartiesQuery query) {
        var where = new ArrayList<>(List.of("p.access = ?"));
        var params = new ArrayList<Object>(List.of(PartyAccess.PUBLIC.name()));
        if (query.status() != null) {
            where.add("p.status = ?");
            params.add(query.status().name());
        }
        if (query.featured() != null) {
            where.add("p.is_featured = ?");
            params.add(query.featured());
        }
        String from = FROM + " where " + String.join(" and ", where);
        return Pages.read(jdbc, COLUMNS, from, "p.start_time, p.id", params, ROW, query.page());
    }

    /** Applies a change once: an event at or below the stored version was already applied (e.g. on a retry). */
    private void change(UUID partyId, long version, String assignments, Object... params) {
        var all = new ArrayList<>(Arrays.asList(params)); // an invitation code may be null
        all.add(version);
        all.add(partyId);
        all.add(version);
        int updated = jdbc.sql("update watch_party_view set " + assignments + ", version = ? where id = ? and version < ?")
                .params(all).update();
        if (updated > 0) {
            publish(partyId);
        }
    }

    private void leaveTheLine(UUID partyId, UUID userId) {
        jdbc.sql("delete from waiting_list_view where party_id = ? and user_id = ?").params(partyId, userId).update();
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
