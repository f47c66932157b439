package com.watchparty.command.party;

import com.watchparty.api.chat.ChatMessageSentEvent;
import com.watchparty.api.chat.SendChatMessageCommand;
import com.watchparty.api.chat.SendChatMessageBatchCommand;
import com.watchparty.api.error.BatchOutcome;
import com.watchparty.api.error.BatchOutcomes;
import com.watchparty.api.error.RejectedException;
import com.watchparty.api.error.Rejection;
import com.watchparty.api.party.PartyAccess;
import com.watchparty.api.party.PartyAccessChangedEvent;
import com.watchparty.api.party.RotateInvitationCodeCommand;
import com.watchparty.api.moderation.BanUserCommand;
import com.watchparty.api.moderation.DeleteMessageCommand;
import com.watchparty.api.moderation.HostChangedEvent;
import com.watchparty.api.moderation.MessageDeletedEvent;
import com.watchparty.api.moderation.KickUserCommand;
import com.watchparty.api.moderation.Moderator;
import com.watchparty.api.moderation.ModeratorChangedEvent;
import com.watchparty.api.moderation.MuteUserCommand;
import com.watchparty.api.moderation.SetModeratorCommand;
import com.watchparty.api.moderation.SetRoomSettingsCommand;
import com.watchparty.api.moderation.SlowModeChangedEvent;
import com.watchparty.api.moderation.TransferHostCommand;
import com.watchparty.api.moderation.UnbanUserCommand;
import com.watchparty.api.moderation.UserBannedEvent;
import com.watchparty.api.moderation.UserKickedEvent;
import com.watchparty.api.moderation.UserMutedEvent;
import com.watchparty.api.moderation.UserUnbannedEvent;
import com.watchparty.api.party.ScheduleWatchPartyCommand;
import com.watchparty.api.party.UpdateWatchPartyCommand;
import com.watchparty.api.party.WatchPartyFinishedEvent;
import com.watchparty.api.party.WatchPartyScheduledEvent;
import com.watchparty.api.party.WatchPartyStartedEvent;
import com.watchparty.api.party.WatchPartyUpdatedEvent;
import com.watchparty.api.playback.ControlPlaybackCommand;
import com.watchparty.api.playback.PlaybackControlChangedEvent;
import com.watchparty.api.playback.PlaybackChangedEvent;
import com.watchparty.api.playback.PlayerAction;
import com.watchparty.api.presence.JoinPartyBatchCommand;
import com.watchparty.api.reaction.ReactionsRecordedEvent;
import com.watchparty.api.reaction.RecordReactionsCommand;
import com.watchparty.api.presence.JoinPartyCommand;
import com.watchparty.api.presence.LeavePartyCommand;
import com.watchparty.api.presence.UserJoinedPartyEvent;
import com.watchparty.api.presence.UserLeftPartyEvent;
import com.watchparty.api.ticketing.CancelPurchaseCommand;
import com.watchparty.api.ticketing.CancellationReceipt;
import com.watchparty.api.ticketing.JoinWaitingListCommand;
import com.watchparty.api.ticketing.PurchaseCancelledEvent;
import com.watchparty.api.ticketing.PurchaseOutcome;
import com.watchparty.api.ticketing.PurchaseOutcomes;
import com.watchparty.api.ticketing.PurchaseReceipt;
import com.watchparty.api.ticketing.PurchaseTicketBatchCommand;
import com.watchparty.api.ticketing.SeatHeldEvent;
import com.watchparty.api.ticketing.SeatHoldExpiredEvent;
import com.watchparty.api.ticketing.PurchaseTicketCommand;
import com.watchparty.api.ticketing.TicketPurchase;
import com.watchparty.api.ticketing.TicketPurchasedEvent;
import com.watchparty.command.party.MovieCatalog.MovieFacts;
import com.watchparty.command.party.TicketCatalog.TicketFacts;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static com.watchparty.api.error.ErrorCode.*;
import static com.watchparty.command.RejectionMatchers.rejectedWith;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.containsString;

/**
 * The rules of a watch party, given/when/then. The fixture's simulated time drives both the deadlines and the
 * aggregate's {@link Clock}, and starts at {@link #NOW}.
 */
class WatchPartyTest {

    private static final Instant NOW = Instant.parse("2030-06-01T18:00:00Z");
    private static final Duration UNTIL_START = Duration.ofHours(2);
    private static final Duration LOBBY_WINDOW = Duration.ofMinutes(15);
    private static final Duration UNTIL_END = Duration.ofHours(5);
    private static final Instant START = NOW.plus(UNTIL_START);
    private static final Instant END = NOW.plus(UNTIL_END);
    /** The start of an ongoing party: half an hour ago, as the start deadline would have left it. */
    private static final Instant ONGOING_START = NOW.minus(Duration.ofMinutes(30));
    private static final int MOVIE_DURATION_SECONDS = 7_200;
    private static final int MAX = 100;
    /** Deadline names are stored with every scheduled deadline: renaming one would orphan those already due. */
    private static final String START_DEADLINE = "watch-party-start";
    private static final String END_DEADLINE = "watch-party-end";

    private static final UUID PARTY = id("party");
    private static final UUID MOVIE = id("movie");
    private static final UUID UNKNOWN = id("nothing by that id");
    private static final UUID ADMIN = id("admin");
    private static final UUID ALICE = id("alice");
    private static final UUID BOB = id("bob");
    private static final UUID CAROL = id("carol");
    private static final UUID DAVE = id("dave");
    private static final UUID ERIN = id("erin");
    private static final Map<UUID, String> NAMES = Map.of(ADMIN, "admin", ALICE, "alice", BOB, "bob", CAROL, "carol");

    private static final UUID STANDARD = id("standard ticket");
    private static final UUID VOUCHER = id("voucher ticket");
    private static final BigDecimal STANDARD_PRICE = new BigDecimal("12.50");
    private static final BigDecimal VOUCHER_FACE_VALUE = new BigDecimal("9.90");
    private static final Duration HOLD_TIME = Duration.ofMinutes(15);
    private static final Duration CANCELLATION_CUTOFF = Duration.ofHours(1);
    private static final BigDecimal CANCELLATION_FEE = new BigDecimal("1.00");
    /** Deadline names are stored with every scheduled deadline: renaming one would orphan those already due. */
    private static final String HOLD_DEADLINE = "watch-party-hold";
    private static final String INVITATION = "invitation-code-1";

    private AggregateTestFixture<WatchParty> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WatchParty.class);
        MovieCatalog movies = movieId -> MOVIE.equals(movieId)
                ? Optional.of(new MovieFacts(MOVIE_DURATION_SECONDS))
                : Optional.empty();
        Map<UUID, TicketFacts> ticketTypes = Map.of(
                STANDARD, new TicketFacts(STANDARD_PRICE, "EUR", false),
                VOUCHER, new TicketFacts(VOUCHER_FACE_VALUE, "EUR", true));
        TicketCatalog tickets = ticketId -> Optional.ofNullable(ticketTypes.get(ticketId));
        fixture.registerInjectableResource(movies);
        fixture.registerInjectableResource(tickets);
        fixture.registerInjectableResource(new LobbyPolicy(LOBBY_WINDOW));
        fixture.registerInjectableResource(new HoldPolicy(HOLD_TIME, Duration.ofMinutes(2)));
        fixture.registerInjectableResource(new CancellationPolicy(CANCELLATION_CUTOFF, CANCELLATION_FEE));
        fixture.registerInjectableResource(new FixtureClock(fixture::currentTime));
        fixture.givenCurrentTime(NOW);
    }

    @Nested
    class Scheduling {

        @Test
        void schedulesAPartyWithTheMoviesDuration() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleWatchPartyCommand(PARTY, MOVIE, START, END, true, MAX, ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new WatchPartyScheduledEvent(PARTY, MOVIE, MOVIE_DURATION_SECONDS, START, END,
                            true, MAX, ADMIN));
        }

        @Test
        void schedulesTheStartAndEndDeadlines() {
            fixture.givenNoPriorActivity()
                    .when(schedule())
                    .expectScheduledDeadlineWithName(UNTIL_START, START_DEADLINE)
                    .expectScheduledDeadlineWithName(UNTIL_END, END_DEADLINE)
                    .expectScheduledDeadline(UNTIL_START, new StatusDeadline(START))
                    .expectScheduledDeadline(UNTIL_END, new StatusDeadline(END));
        }

        @Test
        void refusesAPartyThatEndsBeforeItStarts() {
            fixture.givenNoPriorActivity()
                    .when(schedule(START, START.minusSeconds(60), MAX))
                    .expectException(rejectedWith(VALIDATION_FAILED, "end_time"))
                    .expectExceptionMessage("end_time must be after start_time")
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void refusesAPartyThatEndsWhenItStarts() {
            fixture.givenNoPriorActivity()
                    .when(schedule(START, START, MAX))
                    .expectException(rejectedWith(VALIDATION_FAILED, "end_time"))
                    .expectNoEvents();
        }

        @Test
        void refusesAPartyWithoutStartOrEnd() {
            fixture.givenNoPriorActivity()
                    .when(schedule(null, END, MAX))
                    .expectException(rejectedWith(VALIDATION_FAILED, "start_time"))
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(schedule(START, null, MAX))
                    .expectException(rejectedWith(VALIDATION_FAILED, "end_time"))
                    .expectNoEvents();
        }

        @Test
        void refusesAPartyThatStartsInThePast() {
            fixture.givenNoPriorActivity()
                    .when(schedule(NOW.minusSeconds(1), END, MAX))
                    .expectException(RejectedException.class)
                    .expectException(rejectedWith(VALIDATION_FAILED, "start_time"))
                    .expectExceptionMessage("start_time must not be in the past")
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void acceptsAPartyThatStartsRightNow() {
            fixture.givenNoPriorActivity()
                    .when(schedule(NOW, END, MAX))
                    .expectEvents(scheduled(NOW, END, MAX))
                    .expectScheduledDeadlineWithName(Duration.ZERO, START_DEADLINE);
        }

        @ParameterizedTest(name = "max_participants {0}")
        @ValueSource(ints = {-1, 0, 10_001})
        void refusesASizeOutOfBounds(int maxParticipants) {
            fixture.givenNoPriorActivity()
                    .when(schedule(START, END, maxParticipants))
                    .expectException(rejectedWith(VALIDATION_FAILED, "max_participants"))
                    .expectExceptionMessage("max_participants must be between 1 and 10000")
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "max_participants {0}")
        @ValueSource(ints = {1, 10_000})
        void acceptsASizeWithinBounds(int maxParticipants) {
            fixture.givenNoPriorActivity()
                    .when(schedule(START, END, maxParticipants))
                    .expectEvents(scheduled(START, END, maxParticipants));
        }

        /** Java reads such instants; PostgreSQL and the deadline scheduler cannot hold them, and once failed with a 500. */
        @ParameterizedTest(name = "end_time {0}")
        @ValueSource(strings = {"+294277-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "9999-12-31T23:59:59.001Z"})
        void refusesAnEndBeyondTheAcceptedTimes(String end) {
            fixture.givenNoPriorActivity()
                    .when(schedule(START, Instant.parse(end), MAX))
                    .expectException(rejectedWith(VALIDATION_FAILED, "end_time"))
                    .expectExceptionMessage("end_time must be between 2000-01-01T00:00:00Z and 9999-12-31T23:59:59Z")
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void acceptsAnEndAtTheLastAcceptedSecond() {
            Instant last = Instant.parse("9999-12-31T23:59:59Z");

            fixture.givenNoPriorActivity()
                    .when(schedule(START, last, MAX))
                    .expectEvents(scheduled(START, last, MAX));
        }

        @Test
        void refusesAStartBeyondTheAcceptedTimes() {
            Instant farFuture = Instant.parse("+294277-01-01T00:00:00Z");

            fixture.givenNoPriorActivity()
                    .when(schedule(farFuture, farFuture.plusSeconds(3600), MAX))
                    .expectException(rejectedWith(VALIDATION_FAILED, "start_time"))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void refusesAnUnknownMovie() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleWatchPartyCommand(PARTY, UNKNOWN, START, END, false, MAX, ADMIN))
                    .expectException(rejectedWith(MOVIE_NOT_FOUND, "movie_id"))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }
    }

    @Nested
    class StatusByDeadlines {

        @Test
        void startsThePartyWhenTheStartDeadlineIsMet() {
            fixture.givenCommands(schedule())
                    .whenTimeElapses(UNTIL_START)
                    .expectTriggeredDeadlinesWithName(START_DEADLINE)
                    .expectEvents(new WatchPartyStartedEvent(PARTY));
        }

        @Test
        void staysUpcomingUntilTheStartDeadline() {
            fixture.givenCommands(schedule())
                    .whenTimeElapses(UNTIL_START.minusSeconds(1))
                    .expectNoEvents()
                    .expectScheduledDeadlineWithName(Duration.ofSeconds(1), START_DEADLINE);
        }

        @Test
        void finishesThePartyWhenTheEndDeadlineIsMet() {
            fixture.givenCommands(schedule())
                    .whenTimeElapses(UNTIL_END)
                    .expectTriggeredDeadlinesWithName(START_DEADLINE, END_DEADLINE)
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            Matchers.<Object>equalTo(new WatchPartyStartedEvent(PARTY)),
                            Matchers.<Object>equalTo(new WatchPartyFinishedEvent(PARTY)),
                            andNoMore())))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void ignoresAStartDeadlineDeliveredAgainAfterThePartyStarted() {
            // At-least-once delivery: the same start deadline is handled a second time.
            fixture.registerDeadlineHandlerInterceptor(deliveringEachDeadlineTwice());

            fixture.givenCommands(schedule())
                    .whenTimeElapses(UNTIL_START)
                    .expectEvents(new WatchPartyStartedEvent(PARTY));
        }

        @Test
        void startsAndFinishesAPartyStillUpcomingWhenTheEndDeadlineIsMet() {
            // The start deadline got lost: the end deadline alone must still move the party through its statuses.
            fixture.registerDeadlineHandlerInterceptor(losing(START_DEADLINE));

            fixture.givenCommands(schedule())
                    .whenTimeElapses(UNTIL_END)
                    .expectEvents(new WatchPartyStartedEvent(PARTY), new WatchPartyFinishedEvent(PARTY));
        }

        @Test
        void reschedulesTheStartDeadlineWhenTheStartMoves() {
            Duration untilNewStart = UNTIL_START.plusHours(1);

            fixture.givenCommands(schedule())
                    .when(update(NOW.plus(untilNewStart), null, null, null))
                    .expectNoScheduledDeadlineWithName(UNTIL_START, START_DEADLINE)
                    .expectScheduledDeadlineWithName(untilNewStart, START_DEADLINE)
                    .expectScheduledDeadline(untilNewStart, new StatusDeadline(NOW.plus(untilNewStart)))
                    .expectScheduledDeadlineWithName(UNTIL_END, END_DEADLINE);
        }

        @Test
        void doesNotStartThePartyAtTheOldStartTime() {
            Duration untilNewStart = UNTIL_START.plusHours(1);

            fixture.givenCommands(schedule())
                    .andGivenCommands(update(NOW.plus(untilNewStart), null, null, null))
                    .whenTimeElapses(UNTIL_START.plusMinutes(30))
                    .expectNoEvents();
        }

        @Test
        void startsThePartyAtTheNewStartTime() {
            Duration untilNewStart = UNTIL_START.plusHours(1);

            fixture.givenCommands(schedule())
                    .andGivenCommands(update(NOW.plus(untilNewStart), null, null, null))
                    .whenTimeElapses(untilNewStart)
                    .expectTriggeredDeadlinesWithName(START_DEADLINE)
                    .expectEvents(new WatchPartyStartedEvent(PARTY));
        }

        @Test
        void ignoresAStartDeadlineForAStartTimeThatNoLongerHolds() {
            // The deadline of the original start escaped cancellation and arrives once the start has moved.
            Duration untilNewStart = UNTIL_START.plusHours(1);
            fixture.registerDeadlineHandlerInterceptor(replacingThePayloadWith(new StatusDeadline(START)));

            fixture.givenCommands(schedule())
                    .andGivenCommands(update(NOW.plus(untilNewStart), null, null, null))
                    .whenTimeElapses(untilNewStart)
                    .expectTriggeredDeadlinesWithName(START_DEADLINE)
                    .expectNoEvents();
        }

        @Test
        void doesNotFinishThePartyAtTheOldEndTime() {
            Duration untilNewEnd = UNTIL_END.plusHours(1);

            fixture.givenCommands(schedule())
                    .andGivenCommands(update(null, NOW.plus(untilNewEnd), null, null))
                    .whenTimeElapses(UNTIL_END)
                    .expectEvents(new WatchPartyStartedEvent(PARTY))
                    .expectScheduledDeadlineWithName(Duration.ofHours(1), END_DEADLINE);
        }

        private MessageHandlerInterceptor<DeadlineMessage<?>> losing(String deadlineName) {
            return (unitOfWork, chain) -> deadlineName.equals(unitOfWork.getMessage().getDeadlineName())
                    ? unitOfWork.getMessage()
                    : chain.proceed();
        }
    }

    // ---- how a real deadline manager may misbehave: deliveries the stub never makes on its own ----

    private static MessageHandlerInterceptor<DeadlineMessage<?>> deliveringEachDeadlineTwice() {
        return (unitOfWork, chain) -> {
            chain.proceed();
            return chain.proceed();
        };
    }

    private static MessageHandlerInterceptor<DeadlineMessage<?>> replacingThePayloadWith(Object payload) {
        return (unitOfWork, chain) -> {
            unitOfWork.transformMessage(deadline -> GenericDeadlineMessage.asDeadlineMessage(
                    deadline.getDeadlineName(), payload, deadline.getTimestamp()));
            return chain.proceed();
        };
    }

    /**
     * The box office: seats given back, the waiting list and its holds, and who may buy at all. A party of two
     * seats, both sold, two people in line: the standard case of a sold-out party.
     */
    @Nested
    class BoxOffice {

        private final List<Object> soldOutWithALine = List.of(schedule(START, END, 2), purchase(ALICE, STANDARD, null),
                purchase(BOB, STANDARD, null), new JoinWaitingListCommand(PARTY, CAROL, null),
                new JoinWaitingListCommand(PARTY, DAVE, null));

        @Test
        void cancellingBeforeTheCutoffRefundsThePriceMinusTheFee() {
            fixture.givenCommands(schedule(), purchase(ALICE, STANDARD, null))
                    .when(new CancelPurchaseCommand(PARTY, ALICE))
                    .expectEvents(new PurchaseCancelledEvent(PARTY, id("purchase by " + ALICE), ALICE,
                            new BigDecimal("11.50"), CANCELLATION_FEE, "EUR", NOW))
                    .expectResultMessagePayloadMatching(matches((CancellationReceipt receipt) ->
                            receipt.cancellation().refundAmount().equals(new BigDecimal("11.50"))));
        }

        @Test
        void aFreeVoucherIsRefundedNothingAndChargedNothing() {
            fixture.givenCommands(schedule(), purchase(ALICE, VOUCHER, null))
                    .when(new CancelPurchaseCommand(PARTY, ALICE))
                    .expectEvents(new PurchaseCancelledEvent(PARTY, id("purchase by " + ALICE), ALICE,
                            new BigDecimal("0.00"), new BigDecimal("0.00"), "EUR", NOW));
        }

        @Test
        void refusesACancellationAfterTheCutoff() {
            Instant soon = NOW.plus(CANCELLATION_CUTOFF).minusSeconds(1);
            fixture.givenCommands(schedule(soon, soon.plus(Duration.ofHours(2)), MAX), purchase(ALICE, STANDARD, null))
                    .when(new CancelPurchaseCommand(PARTY, ALICE))
                    .expectException(rejectedWith(CANCELLATION_CLOSED))
                    .expectNoEvents();
        }

        @Test
        void refusesACancellationOnceThePartyIsOngoing() {
            fixture.given(ongoingParty(MAX)).andGivenCommands(purchase(ALICE, STANDARD, null))
                    .when(new CancelPurchaseCommand(PARTY, ALICE))
                    .expectException(rejectedWith(CANCELLATION_CLOSED))
                    .expectNoEvents();
        }

        @Test
        void refusesCancellingWithoutATicket() {
            fixture.givenCommands(schedule())
                    .when(new CancelPurchaseCommand(PARTY, ALICE))
                    .expectException(rejectedWith(PURCHASE_NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void theHolderLeavesTheRoomWithTheTicket() {
            fixture.given(partyScheduled(), purchased(ALICE), joined(ALICE))
                    .when(new CancelPurchaseCommand(PARTY, ALICE))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            Matchers.<Object>equalTo(new UserLeftPartyEvent(PARTY, ALICE)),
                            matches((Object event) -> event instanceof PurchaseCancelledEvent c
                                    && c.userId().equals(ALICE)),
                            andNoMore())));
        }

        @Test
        void aSeatGivenBackIsHeldForTheFirstInLine() {
            fixture.givenCommands(soldOutWithALine)
                    .when(new CancelPurchaseCommand(PARTY, ALICE))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            matches((Object event) -> event instanceof PurchaseCancelledEvent c
                                    && c.userId().equals(ALICE)),
                            Matchers.<Object>equalTo(new SeatHeldEvent(PARTY, CAROL, NOW.plus(HOLD_TIME))),
                            andNoMore())))
                    .expectScheduledDeadline(HOLD_TIME, new HoldDeadline(CAROL, NOW.plus(HOLD_TIME)));
        }

        @Test
        void aHoldIsShorterWhenThePartyIsNear() {
            Instant soon = NOW.plus(Duration.ofMinutes(20));
            fixture.givenCommands(schedule(soon, soon.plus(Duration.ofHours(2)), 1), purchase(ALICE, STANDARD, null),
                            new JoinWaitingListCommand(PARTY, CAROL, null))
                    .when(update(null, null, null, 2))
                    .expectScheduledDeadline(Duration.ofMinutes(5), new HoldDeadline(CAROL, NOW.plusSeconds(300)));
        }

        @Test
        void neverSellsASeatHeldForSomeoneElse() {
            fixture.givenCommands(soldOutWithALine).andGivenCommands(new CancelPurchaseCommand(PARTY, ALICE))
                    .when(purchase(ERIN, STANDARD, null))
                    .expectException(rejectedWith(SOLD_OUT))
                    .expectNoEvents();
        }

        @Test
        void theNextInLineWaitsForTheirOwnHold() {
            fixture.givenCommands(soldOutWithALine).andGivenCommands(new CancelPurchaseCommand(PARTY, ALICE))
                    .when(purchase(DAVE, STANDARD, null))
                    .expectException(rejectedWith(SOLD_OUT))
                    .expectNoEvents();
        }

        @Test
        void theHolderBuysTheHeldSeatAndItsDeadlineIsCancelled() {
            fixture.givenCommands(soldOutWithALine).andGivenCommands(new CancelPurchaseCommand(PARTY, ALICE))
                    .when(purchase(CAROL, STANDARD, null))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            matches((TicketPurchasedEvent event) -> event.userId().equals(CAROL)),
                            andNoMore())))
                    .expectNoScheduledDeadlineWithName(HOLD_TIME, HOLD_DEADLINE);
        }

        @Test
        void raisingMaxParticipantsHoldsTheNewSeatsForTheLineInOrder() {
            fixture.givenCommands(soldOutWithALine).andGivenCommands(new JoinWaitingListCommand(PARTY, ERIN, null))
                    .when(update(null, null, null, 4))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            matches((Object event) -> event instanceof WatchPartyUpdatedEvent u
                                    && u.maxParticipants() == 4),
                            Matchers.<Object>equalTo(new SeatHeldEvent(PARTY, CAROL, NOW.plus(HOLD_TIME))),
                            Matchers.<Object>equalTo(new SeatHeldEvent(PARTY, DAVE, NOW.plus(HOLD_TIME))),
                            andNoMore())));
        }

        @Test
        void refusesLoweringMaxParticipantsBelowSoldAndHeld() {
            fixture.givenCommands(soldOutWithALine).andGivenCommands(new CancelPurchaseCommand(PARTY, ALICE))
                    .when(update(null, null, null, 1))
                    .expectException(rejectedWith(BELOW_TICKETS_SOLD, "max_participants"))
                    .expectNoEvents();
        }

        @Test
        void anExpiredHoldPassesToTheNextInLine() {
            Instant davesHoldEnds = NOW.plus(HOLD_TIME).plus(HOLD_TIME);
            fixture.givenCommands(soldOutWithALine).andGivenCommands(new CancelPurchaseCommand(PARTY, ALICE))
                    .whenTimeElapses(HOLD_TIME)
                    .expectTriggeredDeadlinesWithName(HOLD_DEADLINE)
                    .expectEvents(new SeatHoldExpiredEvent(PARTY, CAROL), new SeatHeldEvent(PARTY, DAVE, davesHoldEnds))
                    .expectScheduledDeadline(HOLD_TIME, new HoldDeadline(DAVE, davesHoldEnds));
        }

        @Test
        void aHoldDeadlineDeliveredTwiceEndsTheHoldOnce() {
            fixture.registerDeadlineHandlerInterceptor(deliveringEachDeadlineTwice());

            fixture.givenCommands(soldOutWithALine).andGivenCommands(new CancelPurchaseCommand(PARTY, ALICE))
                    .whenTimeElapses(HOLD_TIME)
                    .expectEvents(new SeatHoldExpiredEvent(PARTY, CAROL),
                            new SeatHeldEvent(PARTY, DAVE, NOW.plus(HOLD_TIME).plus(HOLD_TIME)));
        }

        @Test
        void aStaleHoldDeadlineDoesNothing() {
            // a deadline of an earlier hold (ended, or bought) escaped cancellation and arrives now
            fixture.registerDeadlineHandlerInterceptor(replacingThePayloadWith(
                    new HoldDeadline(CAROL, NOW.plus(HOLD_TIME).minusSeconds(60))));

            fixture.givenCommands(soldOutWithALine).andGivenCommands(new CancelPurchaseCommand(PARTY, ALICE))
                    .whenTimeElapses(HOLD_TIME)
                    .expectTriggeredDeadlinesWithName(HOLD_DEADLINE)
                    .expectNoEvents();
        }

        @Test
        void joinsTheLineOnce() {
            fixture.givenCommands(soldOutWithALine)
                    .when(new JoinWaitingListCommand(PARTY, CAROL, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesTheLineWhileSeatsAreFree() {
            fixture.givenCommands(schedule())
                    .when(new JoinWaitingListCommand(PARTY, CAROL, null))
                    .expectException(rejectedWith(SEATS_AVAILABLE))
                    .expectNoEvents();
        }

        @Test
        void refusesTheLineToATicketHolder() {
            fixture.givenCommands(soldOutWithALine)
                    .when(new JoinWaitingListCommand(PARTY, ALICE, null))
                    .expectException(rejectedWith(ALREADY_PURCHASED))
                    .expectNoEvents();
        }

        @Test
        void refusesAVoucherCodeForATicketTypeThatIsNoVoucher() {
            fixture.givenCommands(schedule())
                    .when(new PurchaseTicketCommand(PARTY, id("p"), ALICE, STANDARD, null, "CODE-1", null))
                    .expectException(rejectedWith(VOUCHER_INVALID, "voucher_code"))
                    .expectNoEvents();
        }

        @Test
        void recordsTheVoucherCodeRedeemed() {
            fixture.givenCommands(schedule())
                    .when(new PurchaseTicketCommand(PARTY, id("p"), ALICE, VOUCHER, null, "CODE-1", null))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            matches((TicketPurchasedEvent event) -> "CODE-1".equals(event.voucherCode())),
                            andNoMore())));
        }

        @Test
        void anInviteOnlyPartySellsOnlyWithItsInvitationCode() {
            fixture.givenCommands(inviteOnly())
                    .when(purchase(ALICE, STANDARD, null))
                    .expectException(rejectedWith(INVITATION_REQUIRED, "invitation_code"));
            fixture.givenCommands(inviteOnly())
                    .when(new PurchaseTicketCommand(PARTY, id("p"), ALICE, STANDARD, null, null, "wrong-code-1"))
                    .expectException(rejectedWith(INVITATION_INVALID, "invitation_code"));
            fixture.givenCommands(inviteOnly())
                    .when(new PurchaseTicketCommand(PARTY, id("p"), ALICE, STANDARD, null, null, INVITATION))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void schedulingAnInviteOnlyPartyRecordsItsAccessAndCode() {
            fixture.givenNoPriorActivity()
                    .when(inviteOnly())
                    .expectEvents(scheduled(START, END, MAX),
                            new PartyAccessChangedEvent(PARTY, PartyAccess.INVITE_ONLY, INVITATION));
        }

        @Test
        void anInviteOnlyPartyNeedsAWellFormedCode() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleWatchPartyCommand(PARTY, MOVIE, START, END, false, MAX, ADMIN,
                            PartyAccess.INVITE_ONLY, "short"))
                    .expectException(rejectedWith(VALIDATION_FAILED, "invitation_code"));
        }

        @Test
        void aRotatedCodeReplacesTheOldOne() {
            fixture.givenCommands(inviteOnly(), new RotateInvitationCodeCommand(PARTY, "invitation-code-2"))
                    .when(new PurchaseTicketCommand(PARTY, id("p"), ALICE, STANDARD, null, null, INVITATION))
                    .expectException(rejectedWith(INVITATION_INVALID));
        }

        @Test
        void onlyAnInviteOnlyPartyHasACodeToRotate() {
            fixture.givenCommands(schedule())
                    .when(new RotateInvitationCodeCommand(PARTY, "invitation-code-2"))
                    .expectException(rejectedWith(NOT_INVITE_ONLY));
        }

        @Test
        void anUnlistedPartySellsToAnyone() {
            fixture.givenCommands(new ScheduleWatchPartyCommand(PARTY, MOVIE, START, END, false, MAX, ADMIN,
                            PartyAccess.UNLISTED, null))
                    .when(purchase(ALICE, STANDARD, null))
                    .expectSuccessfulHandlerExecution();
        }

        private ScheduleWatchPartyCommand inviteOnly() {
            return new ScheduleWatchPartyCommand(PARTY, MOVIE, START, END, false, MAX, ADMIN, PartyAccess.INVITE_ONLY,
                    INVITATION);
        }
    }

    @Nested
    class Updating {

        @Test
        void announcesAChangeWithAllTheSettings() {
            fixture.givenCommands(schedule())
                    .when(new UpdateWatchPartyCommand(PARTY, null, null, true, null, null))
                    .expectEvents(new WatchPartyUpdatedEvent(PARTY, START, END, true, MAX));
        }

        @Test
        void returnsTheVersionAfterTheChange() {
            fixture.givenCommands(schedule(), purchase(ALICE, STANDARD, null))
                    .when(update(null, null, null, 50))
                    .expectEvents(new WatchPartyUpdatedEvent(PARTY, START, END, false, 50))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void changesNothingWhenTheSettingsAreTheSame() {
            fixture.givenCommands(schedule())
                    .when(new UpdateWatchPartyCommand(PARTY, START, END, false, MAX, null))
                    .expectNoEvents()
                    .expectResultMessagePayload(0L)
                    .expectScheduledDeadlineWithName(UNTIL_START, START_DEADLINE)
                    .expectScheduledDeadlineWithName(UNTIL_END, END_DEADLINE);
        }

        @Test
        void refusesToChangeAFinishedParty() {
            fixture.given(finishedParty())
                    .when(update(null, null, true, null))
                    .expectException(rejectedWith(PARTY_FINISHED))
                    .expectNoEvents();
        }

        @Test
        void refusesASizeBelowTheTicketsSold() {
            fixture.given(partyScheduled())
                    .andGiven(purchased(ALICE), purchased(BOB))
                    .when(update(null, null, null, 1))
                    .expectException(rejectedWith(BELOW_TICKETS_SOLD, "max_participants"))
                    .expectExceptionMessage(containsString("2 tickets sold"))
                    .expectNoEvents();
        }

        @Test
        void acceptsASizeEqualToTheTicketsSold() {
            fixture.given(partyScheduled())
                    .andGiven(purchased(ALICE), purchased(BOB))
                    .when(update(null, null, null, 2))
                    .expectEvents(new WatchPartyUpdatedEvent(PARTY, START, END, false, 2));
        }

        @Test
        void refusesASizeOutOfBounds() {
            fixture.given(partyScheduled())
                    .when(update(null, null, null, 0))
                    .expectException(rejectedWith(VALIDATION_FAILED, "max_participants"))
                    .expectNoEvents();
        }

        @Test
        void locksTheStartOnceThePartyIsOngoing() {
            fixture.given(ongoingParty(MAX))
                    .when(update(NOW.plus(Duration.ofMinutes(10)), null, null, null))
                    .expectException(rejectedWith(START_TIME_LOCKED, "start_time"))
                    .expectNoEvents();
        }

        @Test
        void extendsAnOngoingParty() {
            Instant later = NOW.plus(Duration.ofHours(3));

            fixture.given(ongoingParty(MAX))
                    .when(update(null, later, null, null))
                    .expectEvents(new WatchPartyUpdatedEvent(PARTY, ONGOING_START, later, false, MAX))
                    .expectScheduledDeadline(Duration.ofHours(3), new StatusDeadline(later));
        }

        @Test
        void refusesMovingTheStartIntoThePast() {
            fixture.givenCommands(schedule())
                    .when(update(NOW.minusSeconds(60), null, null, null))
                    .expectException(rejectedWith(VALIDATION_FAILED, "start_time"))
                    .expectNoEvents()
                    .expectScheduledDeadlineWithName(UNTIL_START, START_DEADLINE);
        }

        @Test
        void refusesAnEndBeforeTheStart() {
            fixture.givenCommands(schedule())
                    .when(update(null, START.minusSeconds(60), null, null))
                    .expectException(rejectedWith(VALIDATION_FAILED, "end_time"))
                    .expectNoEvents();
        }

        @Test
        void changesAPartyWhoseEventsCarryNoDeadlineIds() {
            // Deadline ids are metadata, not part of what happened: a stream without them (imported, migrated, or
            // written before they were recorded) must still replay and accept changes.
            fixture.given(scheduled(START, END, MAX))
                    .when(update(null, null, true, null))
                    .expectEvents(new WatchPartyUpdatedEvent(PARTY, START, END, true, MAX));
        }

        @Test
        void refusesMovingTheEndBeyondTheAcceptedTimes() {
            fixture.givenCommands(schedule())
                    .when(update(null, Instant.parse("+999999-12-31T23:59:59Z"), null, null))
                    .expectException(rejectedWith(VALIDATION_FAILED, "end_time"))
                    .expectNoEvents()
                    .expectScheduledDeadline(UNTIL_END, new StatusDeadline(END));
        }

        @Test
        void refusesMovingTheEndIntoThePast() {
            fixture.given(ongoingParty(MAX))
                    .when(update(null, NOW.minusSeconds(60), null, null))
                    .expectException(rejectedWith(VALIDATION_FAILED, "end_time"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Purchasing {

        @Test
        void sellsATicketAtItsPrice() {
            UUID purchaseId = id("alice's purchase");

            fixture.givenCommands(schedule())
                    .when(new PurchaseTicketCommand(PARTY, purchaseId, ALICE, STANDARD, "key-1"))
                    .expectEvents(new TicketPurchasedEvent(PARTY, purchaseId, ALICE, STANDARD, STANDARD_PRICE, "EUR",
                            NOW, "key-1", null))
                    .expectResultMessagePayload(new PurchaseReceipt(new TicketPurchase(purchaseId, ALICE, PARTY,
                            STANDARD, NOW, STANDARD_PRICE, "EUR"), 1));
        }

        @Test
        void redeemsAVoucherAtPriceZeroKeepingTheScale() {
            UUID purchaseId = id("alice's voucher");

            fixture.givenCommands(schedule())
                    .when(new PurchaseTicketCommand(PARTY, purchaseId, ALICE, VOUCHER, null))
                    .expectEvents(new TicketPurchasedEvent(PARTY, purchaseId, ALICE, VOUCHER, new BigDecimal("0.00"),
                            "EUR", NOW, null, null))
                    .expectResultMessagePayloadMatching(matches((PurchaseReceipt receipt) ->
                            receipt.purchase().pricePaid().signum() == 0
                                    && receipt.purchase().pricePaid().scale() == 2));
        }

        @Test
        void refusesAnUnknownTicket() {
            fixture.givenCommands(schedule())
                    .when(purchase(ALICE, UNKNOWN, null))
                    .expectException(rejectedWith(TICKET_NOT_FOUND, "ticket_id"))
                    .expectNoEvents();
        }

        @Test
        void refusesToSellForAFinishedParty() {
            fixture.given(finishedParty())
                    .when(purchase(ALICE, STANDARD, null))
                    .expectException(rejectedWith(PARTY_FINISHED))
                    .expectNoEvents();
        }

        @Test
        void sellsForAnOngoingParty() {
            fixture.given(ongoingParty(MAX))
                    .when(purchase(ALICE, STANDARD, null))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            matches((TicketPurchasedEvent event) -> event.userId().equals(ALICE)),
                            andNoMore())));
        }

        @Test
        void refusesASecondTicketForTheSameUser() {
            fixture.givenCommands(schedule(), purchase(ALICE, STANDARD, "key-1"))
                    .when(new PurchaseTicketCommand(PARTY, id("another purchase"), ALICE, STANDARD, "key-2"))
                    .expectException(rejectedWith(ALREADY_PURCHASED))
                    .expectNoEvents();
        }

        @Test
        void treatsAPurchaseWithoutIdempotencyKeyAsASecondTicket() {
            fixture.givenCommands(schedule(), purchase(ALICE, STANDARD, null))
                    .when(purchase(ALICE, STANDARD, null))
                    .expectException(rejectedWith(ALREADY_PURCHASED))
                    .expectNoEvents();
        }

        @Test
        void returnsTheOriginalPurchaseWhenARetryHasTheSameKey() {
            UUID originalId = id("original purchase");

            fixture.givenCommands(schedule(), new PurchaseTicketCommand(PARTY, originalId, ALICE, STANDARD, "key-1"))
                    .when(new PurchaseTicketCommand(PARTY, id("retried purchase"), ALICE, STANDARD, "key-1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new PurchaseReceipt(new TicketPurchase(originalId, ALICE, PARTY,
                            STANDARD, NOW, STANDARD_PRICE, "EUR"), 1));
        }

        @Test
        void refusesARetryWithTheSameKeyForAnotherTicket() {
            fixture.givenCommands(schedule(), purchase(ALICE, STANDARD, "key-1"))
                    .when(purchase(ALICE, VOUCHER, "key-1"))
                    .expectException(rejectedWith(ALREADY_PURCHASED))
                    .expectNoEvents();
        }

        @Test
        void refusesWhenEverySeatIsSold() {
            fixture.givenCommands(schedule(START, END, 2), purchase(ALICE, STANDARD, null),
                            purchase(BOB, STANDARD, null))
                    .when(purchase(CAROL, STANDARD, null))
                    .expectException(rejectedWith(SOLD_OUT))
                    .expectExceptionMessage("this party is sold out")
                    .expectNoEvents();
        }

        @Test
        void judgesABatchInOrderSellingTheLastSeatsAndRefusingTheRest() {
            UUID alices = id("alice's purchase");
            UUID bobs = id("bob's purchase");

            fixture.givenCommands(schedule(START, END, 2))
                    .when(new PurchaseTicketBatchCommand(PARTY, List.of(
                            new PurchaseTicketCommand(PARTY, alices, ALICE, STANDARD, "key-a"),
                            new PurchaseTicketCommand(PARTY, id("alice again"), ALICE, STANDARD, "key-a"),
                            new PurchaseTicketCommand(PARTY, bobs, BOB, STANDARD, null),
                            purchase(CAROL, STANDARD, null))))
                    .expectEvents(
                            new TicketPurchasedEvent(PARTY, alices, ALICE, STANDARD, STANDARD_PRICE, "EUR", NOW,
                                    "key-a", null),
                            new TicketPurchasedEvent(PARTY, bobs, BOB, STANDARD, STANDARD_PRICE, "EUR", NOW, null,
                                    null))
                    .expectResultMessagePayloadMatching(matches((PurchaseOutcomes answer) ->
                            answer.outcomes().equals(List.of(
                                    new PurchaseOutcome(new PurchaseReceipt(new TicketPurchase(alices, ALICE, PARTY,
                                            STANDARD, NOW, STANDARD_PRICE, "EUR"), 1), null),
                                    // the same key, in the same batch: the purchase just made, not a second one
                                    new PurchaseOutcome(new PurchaseReceipt(new TicketPurchase(alices, ALICE, PARTY,
                                            STANDARD, NOW, STANDARD_PRICE, "EUR"), 1), null),
                                    new PurchaseOutcome(new PurchaseReceipt(new TicketPurchase(bobs, BOB, PARTY,
                                            STANDARD, NOW, STANDARD_PRICE, "EUR"), 2), null),
                                    new PurchaseOutcome(null, new Rejection(SOLD_OUT, "this party is sold out",
                                            null))))));
        }

        @Test
        void sellsTheLastSeat() {
            fixture.givenCommands(schedule(START, END, 2), purchase(ALICE, STANDARD, null))
                    .when(purchase(BOB, STANDARD, null))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            matches((TicketPurchasedEvent event) -> event.userId().equals(BOB)),
                            andNoMore())));
        }
    }

    @Nested
    class Joining {

        @Test
        void refusesAUserWithoutATicket() {
            fixture.given(ongoingParty(MAX))
                    .when(join(ALICE))
                    .expectException(rejectedWith(TICKET_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void letsATicketHolderJoinAnOngoingParty() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE))
                    .when(join(ALICE))
                    .expectEvents(new UserJoinedPartyEvent(PARTY, ALICE, "alice"));
        }

        @Test
        void admitsTheJoinsOfABatchThatPassAndRefusesOnlyTheOthers() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), purchased(CAROL), joined(CAROL))
                    .when(new JoinPartyBatchCommand(PARTY, List.of(join(ALICE), join(BOB), join(CAROL), join(ALICE))))
                    .expectEvents(new UserJoinedPartyEvent(PARTY, ALICE, "alice"))
                    .expectResultMessagePayload(outcomes(BatchOutcome.DONE,
                            new BatchOutcome(new Rejection(TICKET_REQUIRED, "a ticket is needed to join this party", null)),
                            BatchOutcome.DONE, BatchOutcome.DONE));
        }

        @Test
        void letsAnAdminJoinWithoutATicket() {
            fixture.given(ongoingParty(MAX))
                    .when(joinAsAdmin(ADMIN))
                    .expectEvents(new UserJoinedPartyEvent(PARTY, ADMIN, "admin"));
        }

        @Test
        void keepsTheRoomClosedSixteenMinutesBeforeTheStart() {
            Instant start = NOW.plus(Duration.ofMinutes(16));

            fixture.given(partyScheduled(start, start.plus(Duration.ofHours(2)), MAX), purchased(ALICE))
                    .when(join(ALICE))
                    .expectException(rejectedWith(PARTY_NOT_OPEN))
                    .expectExceptionMessage("the room opens 15 minutes before the start")
                    .expectNoEvents();
        }

        @Test
        void opensTheRoomFourteenMinutesBeforeTheStart() {
            Instant start = NOW.plus(Duration.ofMinutes(14));

            fixture.given(partyScheduled(start, start.plus(Duration.ofHours(2)), MAX), purchased(ALICE))
                    .when(join(ALICE))
                    .expectEvents(new UserJoinedPartyEvent(PARTY, ALICE, "alice"));
        }

        @Test
        void opensTheRoomExactlyFifteenMinutesBeforeTheStart() {
            Instant start = NOW.plus(LOBBY_WINDOW);

            fixture.given(partyScheduled(start, start.plus(Duration.ofHours(2)), MAX), purchased(ALICE))
                    .when(join(ALICE))
                    .expectEvents(new UserJoinedPartyEvent(PARTY, ALICE, "alice"));
        }

        /** The name comes from the caller's token and is stored by projections: it follows the text rule. */
        @ParameterizedTest(name = "username [{0}]")
        @ValueSource(strings = {"Eve\u0000", "Eve\nAdmin", "lone\ud800surrogate"})
        void refusesAUsernameThatIsNotOneLineOfPlainText(String username) {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE))
                    .when(new JoinPartyCommand(PARTY, ALICE, username, false))
                    .expectException(rejectedWith(VALIDATION_FAILED, "username"))
                    .expectNoEvents();
        }

        @Test
        void refusesToJoinAFinishedParty() {
            fixture.given(finishedParty())
                    .andGiven(purchased(ALICE))
                    .when(join(ALICE))
                    .expectException(rejectedWith(PARTY_FINISHED))
                    .expectNoEvents();
        }

        @Test
        void ignoresJoiningTwice() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), joined(ALICE))
                    .when(join(ALICE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anAdminNeverTakesATicketHoldersPlace() {
            // One seat; an admin (who needs no ticket) is already in the room.
            fixture.given(ongoingParty(1))
                    .andGiven(purchased(ALICE), joined(ADMIN))
                    .when(join(ALICE))
                    .expectEvents(new UserJoinedPartyEvent(PARTY, ALICE, "alice"));
        }

        @Test
        void letsAnAdminIntoAFullRoom() {
            fixture.given(ongoingParty(1))
                    .andGiven(purchased(ALICE), joined(ALICE))
                    .when(joinAsAdmin(ADMIN))
                    .expectEvents(new UserJoinedPartyEvent(PARTY, ADMIN, "admin"));
        }
    }

    @Nested
    class Leaving {

        @Test
        void recordsAParticipantLeaving() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), joined(ALICE))
                    .when(new LeavePartyCommand(PARTY, ALICE))
                    .expectEvents(new UserLeftPartyEvent(PARTY, ALICE));
        }

        @Test
        void ignoresALeaveFromSomeoneNotInTheRoom() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), joined(ALICE), new UserLeftPartyEvent(PARTY, ALICE))
                    .when(new LeavePartyCommand(PARTY, ALICE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Chatting {

        private final UUID messageId = id("message");

        @Test
        void refusesAMessageFromSomeoneNotInTheRoom() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE))
                    .when(chat(ALICE, "hello"))
                    .expectException(rejectedWith(NOT_JOINED))
                    .expectNoEvents();
        }

        @Test
        void postsTheMessageTrimmed() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), joined(ALICE))
                    .when(chat(ALICE, "  \thello everyone \n"))
                    .expectEvents(new ChatMessageSentEvent(PARTY, messageId, ALICE, "hello everyone"));
        }

        @Test
        void letsTheLobbyChatBeforeTheStart() {
            Instant start = NOW.plus(Duration.ofMinutes(10));

            fixture.given(partyScheduled(start, start.plus(Duration.ofHours(2)), MAX), purchased(ALICE), joined(ALICE))
                    .when(chat(ALICE, "soon!"))
                    .expectEvents(new ChatMessageSentEvent(PARTY, messageId, ALICE, "soon!"));
        }

        @ParameterizedTest(name = "content [{0}]")
        @NullAndEmptySource
        @ValueSource(strings = {" ", "   \t\n "})
        void refusesAnEmptyMessage(String content) {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), joined(ALICE))
                    .when(chat(ALICE, content))
                    .expectException(rejectedWith(VALIDATION_FAILED, "content"))
                    .expectNoEvents();
        }

        @Test
        void refusesAMessageLongerThan500Characters() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), joined(ALICE))
                    .when(chat(ALICE, "x".repeat(501)))
                    .expectException(rejectedWith(VALIDATION_FAILED, "content"))
                    .expectExceptionMessage("a message has 1 to 500 characters")
                    .expectNoEvents();
        }

        @Test
        void acceptsAMessageOf500Characters() {
            String content = "x".repeat(500);

            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), joined(ALICE))
                    .when(chat(ALICE, "  " + content + "  "))
                    .expectEvents(new ChatMessageSentEvent(PARTY, messageId, ALICE, content));
        }

        /** Refused before it is stored: the party log keeps chat in a jsonb column, which cannot hold U+0000. */
        @ParameterizedTest(name = "content [{0}]")
        @ValueSource(strings = {"hello\u0000world", "lone\ud800surrogate", "\udc00", "\u001b[31mred", "bell\u0007",
                "carriage\rreturn", "next line\u0085"})
        void refusesAMessageThatIsNotPlainText(String content) {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), joined(ALICE))
                    .when(chat(ALICE, content))
                    .expectException(rejectedWith(VALIDATION_FAILED, "content"))
                    .expectNoEvents();
        }

        @Test
        void keepsLineBreaksTabsAndEmojiInAMessage() {
            String content = "first line\n\tsecond line 🎉";

            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), joined(ALICE))
                    .when(chat(ALICE, content))
                    .expectEvents(new ChatMessageSentEvent(PARTY, messageId, ALICE, content));
        }

        @Test
        void refusesChatInAFinishedParty() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), joined(ALICE), new WatchPartyFinishedEvent(PARTY))
                    .when(chat(ALICE, "bye"))
                    .expectException(rejectedWith(PARTY_FINISHED))
                    .expectNoEvents();
        }

        @Test
        void storesTheLinesOfABatchInOrderAndRefusesOnlyThoseThatBreakARule() {
            var hello = new SendChatMessageCommand(PARTY, id("first line"), ALICE, " hello ");
            var notJoined = new SendChatMessageCommand(PARTY, id("second line"), BOB, "hi");
            var empty = new SendChatMessageCommand(PARTY, id("third line"), ALICE, "  ");
            var again = new SendChatMessageCommand(PARTY, id("fourth line"), CAROL, "welcome");

            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), joined(ALICE), purchased(BOB), purchased(CAROL), joined(CAROL))
                    .when(new SendChatMessageBatchCommand(PARTY, List.of(hello, notJoined, empty, again)))
                    .expectEvents(new ChatMessageSentEvent(PARTY, hello.messageId(), ALICE, "hello"),
                            new ChatMessageSentEvent(PARTY, again.messageId(), CAROL, "welcome"))
                    .expectResultMessagePayload(outcomes(
                            BatchOutcome.DONE,
                            new BatchOutcome(new Rejection(NOT_JOINED, "join the party before chatting", null)),
                            new BatchOutcome(new Rejection(VALIDATION_FAILED, "a message has 1 to 500 characters",
                                    "content")),
                            BatchOutcome.DONE));
        }

        @Test
        void refusesEveryLineOfABatchInAFinishedParty() {
            var line = new SendChatMessageCommand(PARTY, messageId, ALICE, "bye");

            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), joined(ALICE), new WatchPartyFinishedEvent(PARTY))
                    .when(new SendChatMessageBatchCommand(PARTY, List.of(line)))
                    .expectNoEvents()
                    .expectResultMessagePayload(outcomes(
                            new BatchOutcome(new Rejection(PARTY_FINISHED, "this party has finished", null))));
        }

        private SendChatMessageCommand chat(UUID user, String content) {
            return new SendChatMessageCommand(PARTY, messageId, user, content);
        }
    }

    @Nested
    class Playing {

        @Test
        void refusesSomeoneNotInTheRoom() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE))
                    .when(player(ALICE, PlayerAction.PLAY, 0))
                    .expectException(rejectedWith(NOT_JOINED))
                    .expectNoEvents();
        }

        @Test
        void refusesThePlayerBeforeThePartyStarts() {
            Instant start = NOW.plus(Duration.ofMinutes(10));

            fixture.given(partyScheduled(start, start.plus(Duration.ofHours(2)), MAX), purchased(ALICE), joined(ALICE))
                    .when(player(ALICE, PlayerAction.PLAY, 0))
                    .expectException(rejectedWith(PARTY_NOT_ONGOING))
                    .expectNoEvents();
        }

        @Test
        void recordsAPlayerAction() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), joined(ALICE))
                    .when(player(ALICE, PlayerAction.SEEK, 42.5))
                    .expectEvents(new PlaybackChangedEvent(PARTY, ALICE, PlayerAction.SEEK, 42.5));
        }

        @ParameterizedTest(name = "position {0}")
        @ValueSource(doubles = {-0.001, -1, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY})
        void refusesAPositionThatIsNotASecondOfTheFilm(double position) {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), joined(ALICE))
                    .when(player(ALICE, PlayerAction.SEEK, position))
                    .expectException(rejectedWith(VALIDATION_FAILED, "position"))
                    .expectNoEvents();
        }

        @Test
        void refusesAMissingAction() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), joined(ALICE))
                    .when(player(ALICE, null, 10))
                    .expectException(rejectedWith(VALIDATION_FAILED, "action"))
                    .expectNoEvents();
        }

        @Test
        void clampsAPositionBeyondTheEndOfTheFilm() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), joined(ALICE))
                    .when(player(ALICE, PlayerAction.SEEK, MOVIE_DURATION_SECONDS + 600.0))
                    .expectEvents(new PlaybackChangedEvent(PARTY, ALICE, PlayerAction.SEEK, MOVIE_DURATION_SECONDS));
        }

        @Test
        void refusesAParticipantWhenOnlyTheHostControlsThePlayer() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(new PlaybackControlChangedEvent(PARTY, true), purchased(ALICE), joined(ALICE))
                    .when(player(ALICE, PlayerAction.PAUSE, 10))
                    .expectException(rejectedWith(FORBIDDEN))
                    .expectNoEvents();
        }

        @Test
        void letsAnAdminUseARestrictedPlayer() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(new PlaybackControlChangedEvent(PARTY, true), joined(BOB))
                    .when(new ControlPlaybackCommand(PARTY, BOB, PlayerAction.PAUSE, 10, true))
                    .expectEvents(new PlaybackChangedEvent(PARTY, BOB, PlayerAction.PAUSE, 10));
        }

        @Test
        void letsTheHostUseARestrictedPlayer() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(new PlaybackControlChangedEvent(PARTY, true), joined(ADMIN))
                    .when(player(ADMIN, PlayerAction.PLAY, 3))
                    .expectEvents(new PlaybackChangedEvent(PARTY, ADMIN, PlayerAction.PLAY, 3));
        }

        @Test
        void restrictingThePlayerIsAnEventOfItsOwn() {
            fixture.given(ongoingParty(MAX))
                    .when(new UpdateWatchPartyCommand(PARTY, null, null, null, null, true))
                    .expectEvents(new PlaybackControlChangedEvent(PARTY, true));
        }

        @Test
        void aPlayTakesEffectTheLeadAfterItIsStored() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), joined(ALICE))
                    .when(new ControlPlaybackCommand(PARTY, ALICE, PlayerAction.PLAY, 12, false, 350))
                    .expectEvents(new PlaybackChangedEvent(PARTY, ALICE, PlayerAction.PLAY, 12,
                            NOW.plusMillis(350)));
        }

        @Test
        void aSeekIsScheduledLikeAPlay() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), joined(ALICE))
                    .when(new ControlPlaybackCommand(PARTY, ALICE, PlayerAction.SEEK, 60, false, 1000))
                    .expectEvents(new PlaybackChangedEvent(PARTY, ALICE, PlayerAction.SEEK, 60,
                            NOW.plusSeconds(1)));
        }

        @Test
        void aPauseTakesEffectAtOnce() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), joined(ALICE))
                    .when(new ControlPlaybackCommand(PARTY, ALICE, PlayerAction.PAUSE, 30, false, 400))
                    .expectEvents(new PlaybackChangedEvent(PARTY, ALICE, PlayerAction.PAUSE, 30, null));
        }

        @ParameterizedTest(name = "{0} ms ahead")
        @ValueSource(longs = {-1, 1001})
        void refusesAPlayScheduledMoreThanASecondAhead(long startsIn) {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), joined(ALICE))
                    .when(new ControlPlaybackCommand(PARTY, ALICE, PlayerAction.PLAY, 0, false, startsIn))
                    .expectException(rejectedWith(VALIDATION_FAILED))
                    .expectNoEvents();
        }

        private ControlPlaybackCommand player(UUID user, PlayerAction action, double position) {
            return new ControlPlaybackCommand(PARTY, user, action, position, false);
        }
    }

    @Nested
    class HandingOver {

        private final Moderator host = new Moderator(ADMIN, false);
        private final Moderator anotherAdmin = new Moderator(id("another admin"), true);
        private final List<Object> hostOnlyRoom = List.of(new PlaybackControlChangedEvent(PARTY, true),
                joined(ADMIN), purchased(ALICE), joined(ALICE), purchased(BOB), joined(BOB), purchased(CAROL),
                joined(CAROL));

        @Test
        void theHostHandsThePartyToSomeoneInTheRoom() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(hostOnlyRoom)
                    .when(new TransferHostCommand(PARTY, BOB, host))
                    .expectEvents(new HostChangedEvent(PARTY, BOB, ADMIN, ADMIN));
        }

        @Test
        void theNewHostControlsThePlayerAndTheOldOneNoLonger() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(hostOnlyRoom)
                    .andGiven(new HostChangedEvent(PARTY, BOB, ADMIN, ADMIN))
                    .when(new ControlPlaybackCommand(PARTY, BOB, PlayerAction.PLAY, 0, false))
                    .expectEvents(new PlaybackChangedEvent(PARTY, BOB, PlayerAction.PLAY, 0));
            fixture.given(ongoingParty(MAX))
                    .andGiven(hostOnlyRoom)
                    .andGiven(new HostChangedEvent(PARTY, BOB, ADMIN, ADMIN))
                    .when(new ControlPlaybackCommand(PARTY, ADMIN, PlayerAction.PLAY, 0, false))
                    .expectException(rejectedWith(FORBIDDEN));
        }

        @Test
        void refusesAParticipantOrAModeratorHandingItOver() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(hostOnlyRoom)
                    .andGiven(new ModeratorChangedEvent(PARTY, ALICE, true, ADMIN))
                    .when(new TransferHostCommand(PARTY, ALICE, new Moderator(ALICE, false)))
                    .expectException(rejectedWith(FORBIDDEN))
                    .expectNoEvents();
        }

        @Test
        void theHostHandsItOnlyToSomeoneInTheRoom() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE))
                    .when(new TransferHostCommand(PARTY, ALICE, host))
                    .expectException(rejectedWith(NOT_JOINED, "userId"))
                    .expectNoEvents();
        }

        @Test
        void anAdminNamesAnyoneHostEvenBeforeTheParty() {
            fixture.given(partyScheduled())
                    .when(new UpdateWatchPartyCommand(PARTY, null, null, null, null, null, null, null, CAROL,
                            anotherAdmin.userId()))
                    .expectEvents(new HostChangedEvent(PARTY, CAROL, ADMIN, anotherAdmin.userId()));
        }

        @Test
        void nobodyHostsWhileBanned() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(new UserBannedEvent(PARTY, BOB, null, ADMIN))
                    .when(new TransferHostCommand(PARTY, BOB, anotherAdmin))
                    .expectException(rejectedWith(FORBIDDEN))
                    .expectNoEvents();
        }

        @Test
        void handingItToTheHostChangesNothing() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(hostOnlyRoom)
                    .when(new TransferHostCommand(PARTY, ADMIN, anotherAdmin))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void whenTheHostLeavesTheLongestPresentModeratorTakesOver() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(hostOnlyRoom)
                    .andGiven(new ModeratorChangedEvent(PARTY, CAROL, true, ADMIN),
                            new ModeratorChangedEvent(PARTY, BOB, true, ADMIN))
                    .when(new LeavePartyCommand(PARTY, ADMIN))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            Matchers.<Object>equalTo(new UserLeftPartyEvent(PARTY, ADMIN)),
                            Matchers.<Object>equalTo(new HostChangedEvent(PARTY, BOB, ADMIN, null)),
                            andNoMore())));
        }

        @Test
        void withoutAModeratorTheLongestPresentTakesOver() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(hostOnlyRoom)
                    .andGiven(new UserLeftPartyEvent(PARTY, ALICE), joined(ALICE))
                    .when(new LeavePartyCommand(PARTY, ADMIN))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            Matchers.<Object>equalTo(new UserLeftPartyEvent(PARTY, ADMIN)),
                            Matchers.<Object>equalTo(new HostChangedEvent(PARTY, BOB, ADMIN, null)),
                            andNoMore())));
        }

        @Test
        void withNobodyLeftTheHostStaysHost() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(new PlaybackControlChangedEvent(PARTY, true), joined(ADMIN))
                    .when(new LeavePartyCommand(PARTY, ADMIN))
                    .expectEvents(new UserLeftPartyEvent(PARTY, ADMIN));
        }

        @Test
        void aPlayerEveryoneControlsNeedsNoHandover() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(joined(ADMIN), purchased(ALICE), joined(ALICE))
                    .when(new LeavePartyCommand(PARTY, ADMIN))
                    .expectEvents(new UserLeftPartyEvent(PARTY, ADMIN));
        }

        @Test
        void someoneElseLeavingHandsNothingOver() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(hostOnlyRoom)
                    .when(new LeavePartyCommand(PARTY, ALICE))
                    .expectEvents(new UserLeftPartyEvent(PARTY, ALICE));
        }
    }

    @Nested
    class Moderating {

        private final Moderator host = new Moderator(ADMIN, false);
        private final Moderator anotherAdmin = new Moderator(id("another admin"), true);
        private final Moderator alice = new Moderator(ALICE, false);

        @Test
        void letsTheHostNameAModerator() {
            fixture.given(ongoingParty(MAX))
                    .when(new SetModeratorCommand(PARTY, ALICE, true, host))
                    .expectEvents(new ModeratorChangedEvent(PARTY, ALICE, true, ADMIN));
        }

        @Test
        void letsAnAdminRemoveAModerator() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(new ModeratorChangedEvent(PARTY, ALICE, true, ADMIN))
                    .when(new SetModeratorCommand(PARTY, ALICE, false, anotherAdmin))
                    .expectEvents(new ModeratorChangedEvent(PARTY, ALICE, false, anotherAdmin.userId()));
        }

        @Test
        void refusesAModeratorNamingAnother() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(new ModeratorChangedEvent(PARTY, ALICE, true, ADMIN))
                    .when(new SetModeratorCommand(PARTY, BOB, true, alice))
                    .expectException(rejectedWith(FORBIDDEN))
                    .expectNoEvents();
        }

        @Test
        void namingAModeratorTwiceChangesNothing() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(new ModeratorChangedEvent(PARTY, ALICE, true, ADMIN))
                    .when(new SetModeratorCommand(PARTY, ALICE, true, host))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesAParticipantMuting() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), joined(ALICE), purchased(BOB), joined(BOB))
                    .when(new MuteUserCommand(PARTY, BOB, 60, alice))
                    .expectException(rejectedWith(FORBIDDEN))
                    .expectNoEvents();
        }

        @Test
        void refusesToModerateTheHost() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(new ModeratorChangedEvent(PARTY, ALICE, true, ADMIN))
                    .when(new BanUserCommand(PARTY, ADMIN, null, alice))
                    .expectException(rejectedWith(FORBIDDEN))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(longs = {-1, 86_401})
        void refusesAMuteOutOfRange(long seconds) {
            fixture.given(ongoingParty(MAX))
                    .when(new MuteUserCommand(PARTY, BOB, seconds, host))
                    .expectException(rejectedWith(VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void aModeratorMutesUntilATimeFromNow() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(new ModeratorChangedEvent(PARTY, ALICE, true, ADMIN))
                    .when(new MuteUserCommand(PARTY, BOB, 60, alice))
                    .expectEvents(new UserMutedEvent(PARTY, BOB, NOW.plusSeconds(60), ALICE));
        }

        @Test
        void refusesAMutedUsersMessageWithTheTimeLeft() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(BOB), joined(BOB), new UserMutedEvent(PARTY, BOB, NOW.plusSeconds(60), ADMIN))
                    .andGivenCurrentTime(NOW.plusSeconds(15))
                    .when(new SendChatMessageCommand(PARTY, id("message"), BOB, "hello"))
                    .expectException(rejectedWith(MUTED))
                    .expectExceptionMessage(containsString("45 seconds"))
                    .expectNoEvents();
        }

        @Test
        void aMuteEndsOnTime() {
            UUID messageId = id("message");
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(BOB), joined(BOB), new UserMutedEvent(PARTY, BOB, NOW.plusSeconds(60), ADMIN))
                    .andGivenCurrentTime(NOW.plusSeconds(60))
                    .when(new SendChatMessageCommand(PARTY, messageId, BOB, "back"))
                    .expectEvents(new ChatMessageSentEvent(PARTY, messageId, BOB, "back"));
        }

        @Test
        void aBatchRefusesOnlyTheMutedUsersLines() {
            UUID fromAlice = id("from alice");
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), joined(ALICE), purchased(BOB), joined(BOB),
                            new UserMutedEvent(PARTY, BOB, NOW.plusSeconds(60), ADMIN))
                    .when(new SendChatMessageBatchCommand(PARTY, List.of(
                            new SendChatMessageCommand(PARTY, id("from bob"), BOB, "hi"),
                            new SendChatMessageCommand(PARTY, fromAlice, ALICE, "hi"))))
                    .expectEvents(new ChatMessageSentEvent(PARTY, fromAlice, ALICE, "hi"))
                    .expectResultMessagePayloadMatching(matches((BatchOutcomes batch) ->
                            batch.outcomes().get(0).refusal().code() == MUTED && batch.outcomes().get(1).isDone()));
        }

        @Test
        void kickingTakesTheUserOutOfTheRoom() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(BOB), joined(BOB))
                    .when(new KickUserCommand(PARTY, BOB, host))
                    .expectEvents(new UserKickedEvent(PARTY, BOB, ADMIN), new UserLeftPartyEvent(PARTY, BOB));
        }

        @Test
        void aKickedUserMayComeBack() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(BOB), joined(BOB), new UserKickedEvent(PARTY, BOB, ADMIN),
                            new UserLeftPartyEvent(PARTY, BOB))
                    .when(join(BOB))
                    .expectEvents(joined(BOB));
        }

        @Test
        void banningTakesTheUserOutOfTheRoomWithTheReason() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(BOB), joined(BOB))
                    .when(new BanUserCommand(PARTY, BOB, "  spoilers ", host))
                    .expectEvents(new UserBannedEvent(PARTY, BOB, "spoilers", ADMIN),
                            new UserLeftPartyEvent(PARTY, BOB));
        }

        @Test
        void refusesABanReasonThatIsNotOneLine() {
            fixture.given(ongoingParty(MAX))
                    .when(new BanUserCommand(PARTY, BOB, "spoilers\nand more", host))
                    .expectException(rejectedWith(VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void aBannedUserCannotJoinEvenWithATicket() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(BOB), new UserBannedEvent(PARTY, BOB, null, ADMIN))
                    .when(join(BOB))
                    .expectException(rejectedWith(BANNED))
                    .expectNoEvents();
        }

        @Test
        void aBatchOfJoinsRefusesOnlyTheBannedUser() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), purchased(BOB), new UserBannedEvent(PARTY, BOB, null, ADMIN))
                    .when(new JoinPartyBatchCommand(PARTY, List.of(join(BOB), join(ALICE))))
                    .expectEvents(joined(ALICE))
                    .expectResultMessagePayloadMatching(matches((BatchOutcomes batch) ->
                            batch.outcomes().get(0).refusal().code() == BANNED && batch.outcomes().get(1).isDone()));
        }

        @Test
        void anUnbannedUserMayJoinAgain() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(BOB), new UserBannedEvent(PARTY, BOB, null, ADMIN),
                            new UserUnbannedEvent(PARTY, BOB, ADMIN))
                    .when(join(BOB))
                    .expectEvents(joined(BOB));
        }

        @Test
        void unbanningIsTheModeratorsToo() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(new UserBannedEvent(PARTY, BOB, null, ADMIN))
                    .when(new UnbanUserCommand(PARTY, BOB, alice))
                    .expectException(rejectedWith(FORBIDDEN))
                    .expectNoEvents();
        }

        @Test
        void anAuthorDeletesTheirOwnMessageWithinFiveMinutes() {
            UUID line = id("line");
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), joined(ALICE), new ChatMessageSentEvent(PARTY, line, ALICE, "oops"))
                    .andGivenCurrentTime(NOW.plus(Duration.ofMinutes(5)).minusSeconds(1))
                    .when(new DeleteMessageCommand(PARTY, line, alice))
                    .expectEvents(new MessageDeletedEvent(PARTY, line, ALICE));
        }

        @Test
        void refusesAnAuthorAfterFiveMinutes() {
            UUID line = id("line");
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(ALICE), joined(ALICE), new ChatMessageSentEvent(PARTY, line, ALICE, "oops"))
                    .andGivenCurrentTime(NOW.plus(Duration.ofMinutes(5)))
                    .when(new DeleteMessageCommand(PARTY, line, alice))
                    .expectException(rejectedWith(FORBIDDEN))
                    .expectNoEvents();
        }

        @Test
        void refusesSomeoneElsesMessageToAParticipant() {
            UUID line = id("line");
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(BOB), joined(BOB), new ChatMessageSentEvent(PARTY, line, BOB, "mine"))
                    .when(new DeleteMessageCommand(PARTY, line, alice))
                    .expectException(rejectedWith(FORBIDDEN))
                    .expectNoEvents();
        }

        @Test
        void aModeratorDeletesAnyMessageAnyTime() {
            UUID line = id("line");
            fixture.given(ongoingParty(MAX))
                    .andGiven(new ModeratorChangedEvent(PARTY, ALICE, true, ADMIN), purchased(BOB), joined(BOB),
                            new ChatMessageSentEvent(PARTY, line, BOB, "spoiler"))
                    .andGivenCurrentTime(NOW.plus(Duration.ofHours(1)))
                    .when(new DeleteMessageCommand(PARTY, line, alice))
                    .expectEvents(new MessageDeletedEvent(PARTY, line, ALICE));
        }

        @Test
        void refusesAMessageItDoesNotKnowOrHasDeleted() {
            UUID line = id("line");
            fixture.given(ongoingParty(MAX))
                    .andGiven(purchased(BOB), joined(BOB), new ChatMessageSentEvent(PARTY, line, BOB, "spoiler"),
                            new MessageDeletedEvent(PARTY, line, ADMIN))
                    .when(new DeleteMessageCommand(PARTY, line, host))
                    .expectException(rejectedWith(NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void remembersOnlyTheLatestMessagesForDeletion() {
            List<Object> lines = new java.util.ArrayList<>(List.of(purchased(BOB), joined(BOB)));
            for (int i = 0; i <= WatchParty.DELETABLE_MESSAGES; i++) {
                lines.add(new ChatMessageSentEvent(PARTY, id("line " + i), BOB, "line " + i));
            }
            fixture.given(ongoingParty(MAX))
                    .andGiven(lines)
                    .when(new DeleteMessageCommand(PARTY, id("line 0"), host))
                    .expectException(rejectedWith(NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void theHostTurnsOnSlowModeAndRestrictsThePlayerInOneGo() {
            fixture.given(ongoingParty(MAX))
                    .when(new SetRoomSettingsCommand(PARTY, 30, true, host))
                    .expectEvents(new SlowModeChangedEvent(PARTY, 30, ADMIN),
                            new PlaybackControlChangedEvent(PARTY, true));
        }

        @Test
        void refusesAModeratorChangingTheRoomSettings() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(new ModeratorChangedEvent(PARTY, ALICE, true, ADMIN))
                    .when(new SetRoomSettingsCommand(PARTY, 30, null, alice))
                    .expectException(rejectedWith(FORBIDDEN))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 301})
        void refusesASlowModeOutOfRange(int seconds) {
            fixture.given(ongoingParty(MAX))
                    .when(new SetRoomSettingsCommand(PARTY, seconds, null, anotherAdmin))
                    .expectException(rejectedWith(VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void refusesRoomSettingsThatSetNothing() {
            fixture.given(ongoingParty(MAX))
                    .when(new SetRoomSettingsCommand(PARTY, null, null, host))
                    .expectException(rejectedWith(VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void slowModeRefusesALineTooSoonWithTheTimeLeft() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(new SlowModeChangedEvent(PARTY, 30, ADMIN), purchased(BOB), joined(BOB),
                            new ChatMessageSentEvent(PARTY, id("first"), BOB, "first"))
                    .andGivenCurrentTime(NOW.plusSeconds(10))
                    .when(new SendChatMessageCommand(PARTY, id("second"), BOB, "second"))
                    .expectException(rejectedWith(SLOW_MODE))
                    .expectExceptionMessage(containsString("20 seconds"))
                    .expectNoEvents();
        }

        @Test
        void slowModeLetsTheNextLineThroughOnTime() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(new SlowModeChangedEvent(PARTY, 30, ADMIN), purchased(BOB), joined(BOB),
                            new ChatMessageSentEvent(PARTY, id("first"), BOB, "first"))
                    .andGivenCurrentTime(NOW.plusSeconds(30))
                    .when(new SendChatMessageCommand(PARTY, id("second"), BOB, "second"))
                    .expectEvents(new ChatMessageSentEvent(PARTY, id("second"), BOB, "second"));
        }

        @Test
        void slowModeHoldsWithinABatch() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(new SlowModeChangedEvent(PARTY, 30, ADMIN), purchased(BOB), joined(BOB))
                    .when(new SendChatMessageBatchCommand(PARTY, List.of(
                            new SendChatMessageCommand(PARTY, id("first"), BOB, "first"),
                            new SendChatMessageCommand(PARTY, id("second"), BOB, "second"))))
                    .expectEvents(new ChatMessageSentEvent(PARTY, id("first"), BOB, "first"))
                    .expectResultMessagePayloadMatching(matches((BatchOutcomes batch) ->
                            batch.outcomes().get(0).isDone() && batch.outcomes().get(1).refusal().code() == SLOW_MODE));
        }

        @Test
        void moderatorsAreExemptFromSlowMode() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(new SlowModeChangedEvent(PARTY, 30, ADMIN),
                            new ModeratorChangedEvent(PARTY, ALICE, true, ADMIN), purchased(ALICE), joined(ALICE),
                            new ChatMessageSentEvent(PARTY, id("first"), ALICE, "a"))
                    .when(new SendChatMessageCommand(PARTY, id("second"), ALICE, "b"))
                    .expectEvents(new ChatMessageSentEvent(PARTY, id("second"), ALICE, "b"));
        }

        private JoinPartyCommand join(UUID user) {
            return new JoinPartyCommand(PARTY, user, NAMES.get(user), false);
        }
    }

    @Nested
    class Reacting {

        @Test
        void storesAWindowOfReactionsAsOneEvent() {
            fixture.given(ongoingParty(MAX))
                    .when(new RecordReactionsCommand(PARTY, Map.of("😂", 14, "🎉", 2)))
                    .expectEvents(new ReactionsRecordedEvent(PARTY, Map.of("😂", 14, "🎉", 2)));
        }

        @Test
        void refusesAnEmojiOutsideTheSet() {
            fixture.given(ongoingParty(MAX))
                    .when(new RecordReactionsCommand(PARTY, Map.of("💩", 1)))
                    .expectException(rejectedWith(VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void refusesAnEmptyOrNegativeCount() {
            fixture.given(ongoingParty(MAX))
                    .when(new RecordReactionsCommand(PARTY, Map.of("👍", 0)))
                    .expectException(rejectedWith(VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void refusesReactionsInAFinishedParty() {
            fixture.given(ongoingParty(MAX))
                    .andGiven(new WatchPartyFinishedEvent(PARTY))
                    .when(new RecordReactionsCommand(PARTY, Map.of("👍", 1)))
                    .expectException(rejectedWith(PARTY_FINISHED))
                    .expectNoEvents();
        }
    }

    // ---- commands and events the tests start from -------------------------------------------------------------

    private static ScheduleWatchPartyCommand schedule() {
        return schedule(START, END, MAX);
    }

    private static ScheduleWatchPartyCommand schedule(Instant start, Instant end, int maxParticipants) {
        return new ScheduleWatchPartyCommand(PARTY, MOVIE, start, end, false, maxParticipants, ADMIN);
    }

    /** The event of a party scheduled at {@link #START}, as the store holds it: with its deadline ids. */
    private static EventMessage<WatchPartyScheduledEvent> partyScheduled() {
        return partyScheduled(START, END, MAX);
    }

    private static EventMessage<WatchPartyScheduledEvent> partyScheduled(Instant start, Instant end,
                                                                         int maxParticipants) {
        return new GenericEventMessage<>(scheduled(start, end, maxParticipants),
                MetaData.with(WatchParty.START_DEADLINE_ID, "start-deadline-id")
                        .and(WatchParty.END_DEADLINE_ID, "end-deadline-id"));
    }

    private static WatchPartyScheduledEvent scheduled(Instant start, Instant end, int maxParticipants) {
        return new WatchPartyScheduledEvent(PARTY, MOVIE, MOVIE_DURATION_SECONDS, start, end, false,
                maxParticipants, ADMIN);
    }

    /** A party that started half an hour ago and ends in an hour and a half. */
    private static List<Object> ongoingParty(int maxParticipants) {
        return List.of(partyScheduled(ONGOING_START, ONGOING_START.plus(Duration.ofHours(2)), maxParticipants),
                new WatchPartyStartedEvent(PARTY));
    }

    private static List<Object> finishedParty() {
        Instant start = NOW.minus(Duration.ofHours(3));
        return List.of(partyScheduled(start, start.plus(Duration.ofHours(2)), MAX),
                new WatchPartyStartedEvent(PARTY),
                new WatchPartyFinishedEvent(PARTY));
    }

    private static UpdateWatchPartyCommand update(Instant start, Instant end, Boolean featured, Integer max) {
        return new UpdateWatchPartyCommand(PARTY, start, end, featured, max, null);
    }

    private static PurchaseTicketCommand purchase(UUID user, UUID ticket, String idempotencyKey) {
        return new PurchaseTicketCommand(PARTY, id("purchase by " + user), user, ticket, idempotencyKey);
    }

    private static TicketPurchasedEvent purchased(UUID user) {
        return new TicketPurchasedEvent(PARTY, id("purchase by " + user), user, STANDARD, STANDARD_PRICE, "EUR",
                NOW.minus(Duration.ofDays(1)), null, null);
    }

    private static BatchOutcomes outcomes(BatchOutcome... outcomes) {
        return new BatchOutcomes(List.of(outcomes));
    }

    private static JoinPartyCommand join(UUID user) {
        return new JoinPartyCommand(PARTY, user, NAMES.get(user), false);
    }

    private static JoinPartyCommand joinAsAdmin(UUID user) {
        return new JoinPartyCommand(PARTY, user, NAMES.get(user), true);
    }

    private static UserJoinedPartyEvent joined(UUID user) {
        return new UserJoinedPartyEvent(PARTY, user, NAMES.get(user));
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** A clock that reads the fixture's simulated time, so that "now" in a handler and the deadlines agree. */
    private static final class FixtureClock extends Clock {

        private final Supplier<Instant> now;
        private final ZoneId zone;

        FixtureClock(Supplier<Instant> now) {
            this(now, ZoneOffset.UTC);
        }

        private FixtureClock(Supplier<Instant> now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new FixtureClock(now, zone);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
