package com.watchparty.query.party;

import com.watchparty.api.Page;
import com.watchparty.api.PageRequest;
import com.watchparty.api.catalog.MovieAddedEvent;
import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import com.watchparty.api.identity.Caller;
import com.watchparty.api.party.BoxOfficeView;
import com.watchparty.api.party.FindBoxOfficeQuery;
import com.watchparty.api.party.FindWatchPartyQuery;
import com.watchparty.api.party.ListWatchPartiesQuery;
import com.watchparty.api.party.PartyAccess;
import com.watchparty.api.party.PartyAccessChangedEvent;
import com.watchparty.api.party.PartyStatus;
import com.watchparty.api.party.WatchPartyScheduledEvent;
import com.watchparty.api.party.WatchPartyStartedEvent;
import com.watchparty.api.party.WatchPartyView;
import com.watchparty.api.presence.UserJoinedPartyEvent;
import com.watchparty.api.ticketing.FindWaitingListPlaceQuery;
import com.watchparty.api.ticketing.ListMyTicketsQuery;
import com.watchparty.api.ticketing.MyTicket;
import com.watchparty.api.ticketing.PurchaseCancelledEvent;
import com.watchparty.api.ticketing.SeatHeldEvent;
import com.watchparty.api.ticketing.TicketPurchasedEvent;
import com.watchparty.api.ticketing.WaitingListJoinedEvent;
import com.watchparty.api.ticketing.WaitingListPlace;
import com.watchparty.query.Projections;
import com.watchparty.query.QueryModelTest;
import com.watchparty.query.web.Queries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The watch-parties projection on its JPA entities: a party's sale as its admin, its buyers and the list read it. */
@QueryModelTest
class WatchPartyProjectionTest {

    private static final Instant START = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
    private final UUID movie = UUID.randomUUID();
    private final UUID party = UUID.randomUUID();
    private final UUID ada = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID cy = UUID.randomUUID();

    @Autowired
    Projections projections;
    @Autowired
    Queries queries;
    @Autowired
    PartyReaders readers;
    @Autowired
    WatchPartyRows parties;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aSoldOutPartyWithALineAndAGivenBackTicketReadsTheSameToEveryone() {
        projections.handle("movies", movie, 0, new MovieAddedEvent(movie, "Metropolis", 9000, "https://v/m", null));
        var purchase = purchase(ada);
        projections.handle("watch-parties", party, 0,
                scheduled(2),
                purchase,
                purchase(bob),
                new WaitingListJoinedEvent(party, cy),
                new PurchaseCancelledEvent(party, purchase.purchaseId(), ada, new BigDecimal("3.99"),
                        new BigDecimal("1.00"), "EUR", START.minus(2, ChronoUnit.HOURS)),
                new SeatHeldEvent(party, cy, START.minus(1, ChronoUnit.HOURS)));

        assertThat(boxOffice()).isEqualTo(new BoxOfficeView(party, 2, 1, 1, 1, 0, PartyAccess.PUBLIC, null, 5));
        assertThat(queries.one(new FindWaitingListPlaceQuery(party, cy), WaitingListPlace.class,
                ErrorCode.NOT_FOUND, "place"))
                .isEqualTo(new WaitingListPlace(party, cy, WaitingListPlace.State.HOLDING, null,
                        START.minus(1, ChronoUnit.HOURS)));
        Page<MyTicket> adasTickets = queries.page(new ListMyTicketsQuery(ada, new PageRequest(0, 20)), MyTicket.class);
        assertThat(adasTickets.items()).singleElement().satisfies(ticket -> {
            assertThat(ticket.state()).isEqualTo(MyTicket.State.CANCELLED);
            assertThat(ticket.refundAmount()).isEqualByComparingTo("3.99");
            assertThat(ticket.currency()).isEqualTo("EUR");
            assertThat(ticket.partyStatus()).isEqualTo(PartyStatus.UPCOMING);
        });
        assertThat(view().movie()).isEqualTo(new WatchPartyView.MovieSummary(movie, "Metropolis", 9000, null));

        // only those holding a ticket now, and admins, may read the party's log and replay
        assertThat(readers.require(party, new Caller(bob, "Bob", false)).id()).isEqualTo(party);
        assertThat(readers.require(party, new Caller(ada, "Ada", true)).id()).isEqualTo(party);
        assertThatThrownBy(() -> readers.require(party, new Caller(ada, "Ada", false)))
                .isInstanceOfSatisfying(RejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TICKET_REQUIRED));
    }

    @Test
    void anEventAppliedTwiceCountsOnce() {
        projections.handle("watch-parties", party, 0, scheduled(10), purchase(ada), new UserJoinedPartyEvent(party, ada, "Ada"));
        // a batch that is delivered again, e.g. after its processor lost its claim before the token was stored
        projections.handle("watch-parties", party, 0, scheduled(10), purchase(ada), new UserJoinedPartyEvent(party, ada, "Ada"));

        assertThat(view().ticketsSold()).isEqualTo(1);
        assertThat(view().activeParticipants()).isEqualTo(1);
        assertThat(view().version()).isEqualTo(2);
        assertThat(queries.page(new ListMyTicketsQuery(ada, new PageRequest(0, 20)), MyTicket.class).totalItems())
                .isEqualTo(1);
    }

    @Test
    void theListShowsPublicPartiesByStartTimeAndFiltersByStatus() {
        UUID later = UUID.randomUUID();
        UUID hidden = UUID.randomUUID();
        projections.handle("watch-parties", later, 0,
                new WatchPartyScheduledEvent(later, movie, 9000, START.plusSeconds(60), START.plusSeconds(9060), true,
                        5, ada));
        projections.handle("watch-parties", party, 0, scheduled(5), new WatchPartyStartedEvent(party));
        projections.handle("watch-parties", hidden, 0, new WatchPartyScheduledEvent(hidden, movie, 9000, START,
                START.plusSeconds(9000), false, 5, ada), new PartyAccessChangedEvent(hidden, PartyAccess.UNLISTED, null));

        assertThat(list(null, null).items()).extracting(WatchPartyView::id).containsSubsequence(party, later)
                .doesNotContain(hidden);
        assertThat(list(PartyStatus.ONGOING, null).items()).extracting(WatchPartyView::id).contains(party)
                .doesNotContain(later);
        assertThat(list(null, true).items()).extracting(WatchPartyView::id).contains(later).doesNotContain(party);
        // the catalog has not caught up with this movie: the party is listed with its id only
        assertThat(list(null, true).items()).filteredOn(p -> p.id().equals(later)).singleElement()
                .satisfies(p -> assertThat(p.movie()).isEqualTo(new WatchPartyView.MovieSummary(movie, null, null, null)));
        assertThat(queries.one(new FindWatchPartyQuery(later), WatchPartyView.class, ErrorCode.PARTY_NOT_FOUND, "party")
                .movie()).isEqualTo(new WatchPartyView.MovieSummary(movie, null, null, null));
        // a page far past the end is empty, and still counts the whole
        var far = queries.page(new ListWatchPartiesQuery(null, null, new PageRequest(Integer.MAX_VALUE, 200)),
                WatchPartyView.class);
        assertThat(far.items()).isEmpty();
        assertThat(far.totalItems()).isEqualTo(list(null, null).totalItems());
    }

    @Test
    void aResetEmptiesEveryTableOfTheProjection() {
        projections.handle("watch-parties", party, 0, scheduled(1), purchase(ada), new WaitingListJoinedEvent(party, bob));
        projections.reset("watch-parties");

        assertThat(queries.page(new ListMyTicketsQuery(ada, new PageRequest(0, 20)), MyTicket.class).items()).isEmpty();
        assertThat(parties.count()).isZero();
        assertThatThrownBy(() -> readers.require(party, new Caller(ada, "Ada", false)))
                .isInstanceOfSatisfying(RejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PARTY_NOT_FOUND));
    }

    /**
     * A processor runs each event in a savepoint of its batch; an event that fails is rolled back to it. What the
     * entities changed in it, written or not yet, is gone, and the rest of the batch commits, also after a statement
     * that PostgreSQL refused.
     */
    @Test
    void aRollbackToASavepointUndoesWhatTheEntitiesChangedInIt() {
        projections.handle("watch-parties", party, 0, scheduled(3));
        var batch = new TransactionTemplate(transactions);
        var savepoint = new TransactionTemplate(transactions,
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
        batch.executeWithoutResult(outer -> {
            savepoint.executeWithoutResult(event -> parties.findById(party).orElseThrow().advanceTo(1));
            assertThatThrownBy(() -> savepoint.executeWithoutResult(event -> {
                var row = parties.findById(party).orElseThrow();
                row.advanceTo(2);
                row.maxParticipants = 7;
                event.flush();
                row.start(); // changed, not written yet, when the event fails
                throw new IllegalStateException("the event fails");
            })).hasMessage("the event fails");
            // refused by PostgreSQL when written: Hibernate marks its transaction rollback-only, the savepoint undoes it
            assertThatThrownBy(() -> savepoint.executeWithoutResult(event -> {
                parties.findById(party).orElseThrow().invitationCode = "nul\u0000";
                event.flush();
            })).isInstanceOf(DataIntegrityViolationException.class);
        });

        assertThat(view().version()).isEqualTo(1);
        assertThat(view().maxParticipants()).isEqualTo(3);
        assertThat(view().status()).isEqualTo(PartyStatus.UPCOMING);
    }

    private WatchPartyScheduledEvent scheduled(int seats) {
        return new WatchPartyScheduledEvent(party, movie, 9000, START, START.plusSeconds(9000), false, seats, ada);
    }

    private TicketPurchasedEvent purchase(UUID buyer) {
        return new TicketPurchasedEvent(party, UUID.nameUUIDFromBytes((party + "" + buyer).getBytes()), buyer,
                UUID.randomUUID(), new BigDecimal("4.99"), "EUR", START.minus(3, ChronoUnit.HOURS), null, null);
    }

    private BoxOfficeView boxOffice() {
        return queries.one(new FindBoxOfficeQuery(party), BoxOfficeView.class);
    }

    private WatchPartyView view() {
        return queries.one(new FindWatchPartyQuery(party), WatchPartyView.class,
                ErrorCode.PARTY_NOT_FOUND, "party");
    }

    private Page<WatchPartyView> list(PartyStatus status, Boolean featured) {
        return queries.page(new ListWatchPartiesQuery(status, featured, new PageRequest(0, 200)), WatchPartyView.class);
    }
}
