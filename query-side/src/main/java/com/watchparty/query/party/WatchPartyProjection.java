package com.watchparty.query.party;

import com.watchparty.api.Page;
import com.watchparty.api.moderation.HostChangedEvent;
import com.watchparty.api.party.BoxOfficeView;
import com.watchparty.api.party.FindBoxOfficeQuery;
import com.watchparty.api.party.FindWatchPartyQuery;
import com.watchparty.api.party.ListWatchPartiesQuery;
import com.watchparty.api.party.PartyAccessChangedEvent;
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
import com.watchparty.query.catalog.MovieRows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Watch parties with their status, seats sold and people in the room: {@code GET /watch-parties} (public parties
 * only); who holds a ticket for each, for {@link PartyReaders}; and the box office: each purchase and cancellation
 * ({@link PurchaseRow}), each party's waiting list and holds ({@link WaitingListRow}), and the counts of both in the
 * party's row. One projection, so that a party's version covers all of them.
 * Subscribers to {@link FindWatchPartyQuery} get every new version of a party.
 */
@Component
@ProcessingGroup("watch-parties")
class WatchPartyProjection {

    private static final Sort BY_START = Sort.by("startTime", "id");

    private final WatchPartyRows parties;
    private final TicketHolderRows holders;
    private final PurchaseRows purchases;
    private final WaitingListRows line;
    private final MovieRows movies;
    private final QueryUpdateEmitter emitter;

    WatchPartyProjection(WatchPartyRows parties, TicketHolderRows holders, PurchaseRows purchases,
                         WaitingListRows line, MovieRows movies, QueryUpdateEmitter emitter) {
        this.parties = parties;
        this.holders = holders;
        this.purchases = purchases;
        this.line = line;
        this.movies = movies;
        this.emitter = emitter;
    }

    @EventHandler
    void on(WatchPartyScheduledEvent event, @SequenceNumber long version) {
        if (!parties.existsById(event.partyId())) {
            publish(parties.save(WatchPartyRow.scheduled(event, version)));
        }
    }

    @EventHandler
    void on(WatchPartyUpdatedEvent event, @SequenceNumber long version) {
        change(event.partyId(), version, party -> {
            party.reschedule(event.startTime(), event.endTime());
            party.featured = event.featured();
            party.maxParticipants = event.maxParticipants();
        });
    }

    @EventHandler
    void on(PlaybackControlChangedEvent event, @SequenceNumber long version) {
        change(event.partyId(), version, party -> party.hostOnlyPlayback = event.hostOnly());
    }

    @EventHandler
    void on(HostChangedEvent event, @SequenceNumber long version) {
        change(event.partyId(), version, party -> party.hostId = event.hostId());
    }

    @EventHandler
    void on(WatchPartyStartedEvent event, @SequenceNumber long version) {
        change(event.partyId(), version, WatchPartyRow::start);
    }

    @EventHandler
    void on(WatchPartyFinishedEvent event, @SequenceNumber long version) {
        change(event.partyId(), version, WatchPartyRow::finish);
    }

    @EventHandler
    void on(PartyAccessChangedEvent event, @SequenceNumber long version) {
        change(event.partyId(), version, party -> {
            party.access = event.access();
            party.invitationCode = event.invitationCode();
        });
    }

    /**
     * A sale rush's hot path: two inserts. The line is looked at only when someone waits or holds a seat (the party's
     * row counts them), and counted again only if the buyer was in it.
     */
    @EventHandler
    void on(TicketPurchasedEvent event, @SequenceNumber long version) {
        holders.add(event.partyId(), event.userId());
        purchases.add(event.purchaseId(), event.partyId(), event.userId(), event.ticketId(), event.purchasedAt(),
                event.pricePaid(), event.currency(), event.voucherCode());
        boolean lineMayHoldBuyer = parties.findById(event.partyId()).map(WatchPartyRow::hasLine).orElse(true);
        // read, then removed through the persistence context: a row of the line may be in it from this batch
        Optional<WaitingListRow> place = lineMayHoldBuyer
                ? line.findById(new PartyMember(event.partyId(), event.userId())) : Optional.empty();
        place.ifPresent(line::delete);
        boolean wasInLine = place.isPresent();
        change(event.partyId(), version, party -> {
            party.ticketsSold++;
            if (wasInLine) {
                countTheLine(party);
            }
        });
    }

    @EventHandler
    void on(PurchaseCancelledEvent event, @SequenceNumber long version) {
        holders.deleteById(new PartyMember(event.partyId(), event.userId()));
        purchases.findById(event.purchaseId()).ifPresent(p -> p.cancel(event.refundAmount(), event.cancelledAt()));
        change(event.partyId(), version, party -> {
            party.ticketsSold--;
            party.ticketsCancelled++;
        });
    }

    @EventHandler
    void on(WaitingListJoinedEvent event, @SequenceNumber long version) {
        var place = new WaitingListRow(event.partyId(), event.userId(), version);
        if (!line.existsById(place.getId())) {
            line.save(place);
        }
        change(event.partyId(), version, this::countTheLine);
    }

    @EventHandler
    void on(SeatHeldEvent event, @SequenceNumber long version) {
        line.findById(new PartyMember(event.partyId(), event.userId())).ifPresent(p -> p.hold(event.expiresAt()));
        change(event.partyId(), version, this::countTheLine);
    }

    @EventHandler
    void on(SeatHoldExpiredEvent event, @SequenceNumber long version) {
        line.deleteById(new PartyMember(event.partyId(), event.userId()));
        change(event.partyId(), version, this::countTheLine);
    }

    @EventHandler
    void on(UserJoinedPartyEvent event, @SequenceNumber long version) {
        change(event.partyId(), version, party -> party.activeParticipants++);
    }

    @EventHandler
    void on(UserLeftPartyEvent event, @SequenceNumber long version) {
        change(event.partyId(), version, party -> party.activeParticipants = Math.max(party.activeParticipants - 1, 0));
    }

    @ResetHandler
    void reset() {
        parties.deleteAllInBatch();
        holders.deleteAllInBatch();
        purchases.deleteAllInBatch();
        line.deleteAllInBatch();
    }

    @QueryHandler
    Optional<WatchPartyView> handle(FindWatchPartyQuery query) {
        return parties.findById(query.partyId()).map(WatchPartyRow::view);
    }

    @QueryHandler
    Optional<BoxOfficeView> handle(FindBoxOfficeQuery query) {
        return parties.findById(query.partyId()).map(WatchPartyRow::boxOffice);
    }

    /** Public parties only: an unlisted or invite-only one is reached by its id. */
    @QueryHandler
    Page<WatchPartyView> handle(ListWatchPartiesQuery query) {
        return Pages.read(query.page(), BY_START, p -> parties.findAll(WatchPartyRows.listed(query), p),
                WatchPartyRow::view);
    }

    /** The line's counts, taken from the line itself once it has changed. */
    private void countTheLine(WatchPartyRow party) {
        party.seatsHeld = (int) line.countByPartyIdAndHoldExpiresAtIsNotNull(party.getId());
        party.waiting = (int) line.countByPartyIdAndHoldExpiresAtIsNull(party.getId());
    }

    /** Applies a change once: an event at or below the row's version was already applied (e.g. on a retry). */
    private void change(UUID partyId, long version, Consumer<WatchPartyRow> change) {
        parties.findById(partyId).filter(party -> party.advanceTo(version)).ifPresent(party -> {
            change.accept(party);
            publish(party);
        });
    }

    /** Builds the party's view only when someone subscribed to it, so a replay costs no extra queries. */
    private void publish(WatchPartyRow party) {
        boolean watched = emitter.activeSubscriptions().stream()
                .anyMatch(s -> s.getPayload() instanceof FindWatchPartyQuery q && q.partyId().equals(party.getId()));
        if (watched) {
            emitter.emit(FindWatchPartyQuery.class, q -> q.partyId().equals(party.getId()), view(party));
        }
    }

    /** A party just scheduled has not been read with its movie yet. */
    private WatchPartyView view(WatchPartyRow party) {
        return party.movie() != null ? party.view() : party.view(movies.findById(party.movieId()).orElse(null));
    }
}
