package com.watchparty.app.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.watchparty.api.chat.ChatMessageSentEvent;
import com.watchparty.api.chat.SendChatMessageCommand;
import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import com.watchparty.api.party.PartyAccess;
import com.watchparty.api.party.PartyAccessChangedEvent;
import com.watchparty.api.moderation.DeleteMessageCommand;
import com.watchparty.api.moderation.HostChangedEvent;
import com.watchparty.api.moderation.MessageDeletedEvent;
import com.watchparty.api.moderation.Moderator;
import com.watchparty.api.moderation.ModeratorChangedEvent;
import com.watchparty.api.moderation.SlowModeChangedEvent;
import com.watchparty.api.moderation.UserBannedEvent;
import com.watchparty.api.moderation.UserMutedEvent;
import com.watchparty.api.party.UpdateWatchPartyCommand;
import com.watchparty.api.party.WatchPartyScheduledEvent;
import com.watchparty.api.party.WatchPartyStartedEvent;
import com.watchparty.api.party.WatchPartyUpdatedEvent;
import com.watchparty.api.playback.ControlPlaybackCommand;
import com.watchparty.api.playback.PlaybackChangedEvent;
import com.watchparty.api.playback.PlaybackControlChangedEvent;
import com.watchparty.api.playback.PlayerAction;
import com.watchparty.api.presence.JoinPartyCommand;
import com.watchparty.api.presence.LeavePartyCommand;
import com.watchparty.api.presence.UserJoinedPartyEvent;
import com.watchparty.api.presence.UserLeftPartyEvent;
import com.watchparty.api.ticketing.JoinWaitingListCommand;
import com.watchparty.api.ticketing.PurchaseCancelledEvent;
import com.watchparty.api.ticketing.PurchaseReceipt;
import com.watchparty.api.ticketing.PurchaseTicketCommand;
import com.watchparty.api.ticketing.TicketPurchase;
import com.watchparty.api.ticketing.SeatHeldEvent;
import com.watchparty.api.ticketing.TicketPurchasedEvent;
import com.watchparty.api.ticketing.WaitingListJoinedEvent;
import com.watchparty.command.party.HoldPolicy;
import com.watchparty.command.party.LobbyPolicy;
import com.watchparty.command.party.MovieCatalog;
import com.watchparty.command.party.MovieCatalog.MovieFacts;
import com.watchparty.command.party.TicketCatalog;
import com.watchparty.command.party.TicketCatalog.TicketFacts;
import com.watchparty.command.party.WatchParty;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A {@link WatchParty} snapshot, written and read by the storage engine's snapshot serializer, is the same party:
 * every field survives, and the copy takes the next commands exactly as the party rebuilt from its events does.
 */
class WatchPartySnapshotTest {

    private static final Instant NOW = Instant.parse("2030-06-01T18:00:00Z");
    private static final Instant START = NOW.minusSeconds(1800);
    private static final Instant END = NOW.plusSeconds(7200);
    private static final int MOVIE_SECONDS = 5400;
    private static final Duration LOBBY_WINDOW = Duration.ofMinutes(15);

    private static final UUID PARTY = UUID.randomUUID();
    private static final UUID MOVIE = UUID.randomUUID();
    private static final UUID TICKET = UUID.randomUUID();
    private static final UUID HOST = UUID.randomUUID();
    private static final UUID ALICE = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();
    private static final UUID CAROL = UUID.randomUUID();
    private static final UUID DAVE = UUID.randomUUID();
    private static final UUID ERIN = UUID.randomUUID();
    private static final UUID BOB_PURCHASE = UUID.randomUUID();
    private static final String INVITATION = "invitation-1";
    private static final UUID HELLO = UUID.randomUUID();
    private static final UUID ALICE_PURCHASE = UUID.randomUUID();
    private static final Instant ALICE_BOUGHT_AT = NOW.minusSeconds(86_400).plusNanos(123_456_789);

    /**
     * A party with all its state set: moved settings, host-only playback, invite-only, ongoing, seats sold and one
     * given back, a seat held for the first in line and someone still waiting, a room, a moderator, a timeout, a ban
     * and slow mode.
     */
    private static final List<Object> HISTORY = List.of(
            new GenericEventMessage<>(new WatchPartyScheduledEvent(PARTY, MOVIE, MOVIE_SECONDS, START, END, false, 5,
                    HOST), MetaData.with("startDeadlineId", "start-1").and("endDeadlineId", "end-1")),
            new PlaybackControlChangedEvent(PARTY, true),
            new PartyAccessChangedEvent(PARTY, PartyAccess.INVITE_ONLY, INVITATION),
            new GenericEventMessage<>(new WatchPartyUpdatedEvent(PARTY, START, END.plusSeconds(600), true, 5),
                    MetaData.with("endDeadlineId", "end-2")),
            new WatchPartyStartedEvent(PARTY),
            new TicketPurchasedEvent(PARTY, ALICE_PURCHASE, ALICE, TICKET, new BigDecimal("12.50"), "EUR",
                    ALICE_BOUGHT_AT, "alice-key", null),
            new TicketPurchasedEvent(PARTY, BOB_PURCHASE, BOB, TICKET, new BigDecimal("12.50"), "EUR",
                    NOW.minusSeconds(3600), null, null),
            new WatchPartyUpdatedEvent(PARTY, START, END.plusSeconds(600), true, 2),
            new WaitingListJoinedEvent(PARTY, DAVE),
            new WaitingListJoinedEvent(PARTY, ERIN),
            new PurchaseCancelledEvent(PARTY, BOB_PURCHASE, BOB, new BigDecimal("11.50"), new BigDecimal("1.00"), "EUR",
                    NOW.minusSeconds(3000)),
            new GenericEventMessage<>(new SeatHeldEvent(PARTY, DAVE, NOW.plusSeconds(600)),
                    MetaData.with("holdDeadlineId", "hold-1")),
            new UserJoinedPartyEvent(PARTY, HOST, "host"),
            new UserJoinedPartyEvent(PARTY, ERIN, "erin"), // an admin: no ticket needed
            new UserJoinedPartyEvent(PARTY, ALICE, "alice"),
            new UserJoinedPartyEvent(PARTY, BOB, "bob"),
            new UserLeftPartyEvent(PARTY, BOB),
            new ChatMessageSentEvent(PARTY, HELLO, ALICE, "hello"),
            new ModeratorChangedEvent(PARTY, ALICE, true, HOST),
            new UserMutedEvent(PARTY, BOB, END, ALICE),
            new UserBannedEvent(PARTY, DAVE, "spoilers", HOST),
            new SlowModeChangedEvent(PARTY, 30, HOST));

    private final Serializer snapshots = EventStoreConfiguration.snapshotSerializer();

    enum Source { EVENTS, SNAPSHOT }

    @Test
    void everyFieldSurvivesTheRoundTrip() throws Exception {
        WatchParty original = fromEvents();
        SerializedObject<byte[]> stored = snapshots.serialize(original, byte[].class);
        WatchParty copy = snapshots.deserialize(stored);

        assertThat(stored.getType().getName()).isEqualTo(WatchParty.class.getName());
        assertThat(stored.getType().getRevision()).as("the aggregate's @Revision, checked by the snapshot filter")
                .isEqualTo("5");
        JsonNode json = EventStoreConfiguration.snapshotMapper().readTree(stored.getData());
        List<String> fields = Arrays.stream(WatchParty.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers())).map(Field::getName).toList();
        assertThat(fields).contains("partyId", "settings", "status", "admission", "seats", "room", "player");
        fields.forEach(field -> assertThat(json.has(field)).as("field %s in %s", field, json).isTrue());
        assertThat(json.path("settings").path("endTime").asText()).isEqualTo(END.plusSeconds(600).toString());
        assertThat(json.path("admission").path("invitationCode").asText()).isEqualTo(INVITATION);
        assertThat(json.path("seats").path("soldByUser").path(ALICE.toString()).path("purchase")
                .path("purchaseDate").asText()).isEqualTo(ALICE_BOUGHT_AT.toString());
        assertThat(json.path("seats").path("heldByUser").path(DAVE.toString()).path("deadlineId").asText())
                .isEqualTo("hold-1");
        assertThat(json.path("seats").path("waitingList").path(0).asText()).isEqualTo(ERIN.toString());
        assertThat(json.path("room").path("participants")).extracting(JsonNode::asText)
                .containsExactly(HOST.toString(), ERIN.toString(), ALICE.toString());
        assertThat(json.path("room").path("slowModeSeconds").asInt()).isEqualTo(30);
        assertThat(json.path("player").path("hostOnly").asBoolean()).isTrue();
        assertThat(json.path("player").path("movieDurationSeconds").asInt()).isEqualTo(MOVIE_SECONDS);

        assertThat(copy).isNotSameAs(original);
        assertThat(copy).usingRecursiveComparison().isEqualTo(original);
        assertThat(original).hasNoNullFieldsOrProperties();
    }

    /** The trap: through the general storage serializer a snapshot is written without error, and is empty. */
    @Test
    void theGeneralStorageSerializerWouldStoreAnEmptyParty() {
        Serializer general = JacksonSerializer.builder().objectMapper(EventStoreConfiguration.storageMapper()).build();
        WatchParty original = fromEvents();

        SerializedObject<byte[]> stored = general.serialize(original, byte[].class);
        WatchParty copy = general.deserialize(stored);

        assertThat(new String(stored.getData(), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(copy).hasAllNullFieldsOrPropertiesExcept("admission", "seats", "room", "player");
        assertThat(copy).usingRecursiveComparison().isNotEqualTo(original);
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void aSecondPurchaseIsStillRefused(Source source) {
        given(source).when(new PurchaseTicketCommand(PARTY, UUID.randomUUID(), ALICE, TICKET, null))
                .expectException(rejectedWith(ErrorCode.ALREADY_PURCHASED))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void aRetriedPurchaseStillReturnsTheOriginalPurchase(Source source) {
        given(source).when(new PurchaseTicketCommand(PARTY, UUID.randomUUID(), ALICE, TICKET, "alice-key"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(receiptFor(new TicketPurchase(ALICE_PURCHASE, ALICE, PARTY,
                        TICKET, ALICE_BOUGHT_AT, new BigDecimal("12.50"), "EUR")));
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void theSeatLimitStillHolds(Source source) {
        given(source).when(new PurchaseTicketCommand(PARTY, UUID.randomUUID(), CAROL, TICKET, null, null, INVITATION))
                .expectException(rejectedWith(ErrorCode.SOLD_OUT));
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void theHoldAndTheLineAreStillKnown(Source source) {
        given(source).when(new PurchaseTicketCommand(PARTY, UUID.randomUUID(), CAROL, TICKET, null))
                .expectException(rejectedWith(ErrorCode.INVITATION_REQUIRED));
        given(source).when(new JoinWaitingListCommand(PARTY, ERIN, INVITATION))
                .expectNoEvents();
        given(source).when(new PurchaseTicketCommand(PARTY, UUID.randomUUID(), DAVE, TICKET, null, null, INVITATION))
                .expectSuccessfulHandlerExecution();
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void whoJoinedIsStillKnown(Source source) {
        UUID message = UUID.randomUUID();
        given(source).when(new SendChatMessageCommand(PARTY, message, ALICE, "still here"))
                .expectEvents(new ChatMessageSentEvent(PARTY, message, ALICE, "still here"));
        given(source).when(new SendChatMessageCommand(PARTY, UUID.randomUUID(), BOB, "I left"))
                .expectException(rejectedWith(ErrorCode.NOT_JOINED));
        given(source).when(new JoinPartyCommand(PARTY, ALICE, "alice", false))
                .expectNoEvents();
        given(source).when(new JoinPartyCommand(PARTY, CAROL, "carol", false))
                .expectException(rejectedWith(ErrorCode.TICKET_REQUIRED));
        given(source).when(new LeavePartyCommand(PARTY, ALICE))
                .expectEvents(new UserLeftPartyEvent(PARTY, ALICE));
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void theModerationStillHolds(Source source) {
        given(source).when(new JoinPartyCommand(PARTY, DAVE, "dave", true))
                .expectException(rejectedWith(ErrorCode.BANNED));
        // Bob gave his ticket back, so he comes back as an admin: muted is not banned
        given(source).when(new JoinPartyCommand(PARTY, BOB, "bob", true))
                .expectEvents(new UserJoinedPartyEvent(PARTY, BOB, "bob"));
        given(source).when(new DeleteMessageCommand(PARTY, HELLO, new Moderator(ALICE, false)))
                .expectEvents(new MessageDeletedEvent(PARTY, HELLO, ALICE));
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void whoHasBeenThereLongestIsStillKnown(Source source) {
        given(source).when(new LeavePartyCommand(PARTY, HOST))
                .expectEvents(new UserLeftPartyEvent(PARTY, HOST), new HostChangedEvent(PARTY, ALICE, HOST, null));
        given(source).andGiven(new ModeratorChangedEvent(PARTY, ALICE, false, HOST))
                .when(new LeavePartyCommand(PARTY, HOST))
                .expectEvents(new UserLeftPartyEvent(PARTY, HOST), new HostChangedEvent(PARTY, ERIN, HOST, null));
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void thePlayerRulesStillHold(Source source) {
        given(source).when(new ControlPlaybackCommand(PARTY, ALICE, PlayerAction.PLAY, 10, false))
                .expectException(rejectedWith(ErrorCode.FORBIDDEN));
        given(source).when(new ControlPlaybackCommand(PARTY, HOST, PlayerAction.SEEK, 99_999, false))
                .expectEvents(new PlaybackChangedEvent(PARTY, HOST, PlayerAction.SEEK, MOVIE_SECONDS));
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void theScheduleStillHolds(Source source) {
        given(source).when(new UpdateWatchPartyCommand(PARTY, NOW.plusSeconds(60), null, null, null, null))
                .expectException(rejectedWith(ErrorCode.START_TIME_LOCKED));
        given(source).when(new UpdateWatchPartyCommand(PARTY, null, null, null, 1, null))
                .expectException(rejectedWith(ErrorCode.BELOW_TICKETS_SOLD)); // one sold, one held
        given(source).when(new UpdateWatchPartyCommand(PARTY, null, null, true, 2, true))
                .expectNoEvents();
    }

    /** The fixture loads the party as the repository does: from its events, or from a snapshot as first message. */
    private TestExecutor<WatchParty> given(Source source) {
        if (source == Source.EVENTS) {
            return newFixture().given(HISTORY);
        }
        WatchParty copy = snapshots.deserialize(snapshots.serialize(fromEvents(), byte[].class));
        return newFixture().given(copy);
    }

    /** A party rebuilt from {@link #HISTORY} by Axon, as a repository would before a command. */
    private static WatchParty fromEvents() {
        AtomicReference<WatchParty> party = new AtomicReference<>();
        newFixture().given(HISTORY)
                .when(new LeavePartyCommand(PARTY, CAROL)) // changes nothing: Carol is not in the room
                .expectNoEvents()
                .expectState(party::set);
        return party.get();
    }

    private static AggregateTestFixture<WatchParty> newFixture() {
        var fixture = new AggregateTestFixture<>(WatchParty.class);
        fixture.registerInjectableResource((MovieCatalog) id -> Optional.of(new MovieFacts(MOVIE_SECONDS)));
        fixture.registerInjectableResource((TicketCatalog) id -> TICKET.equals(id)
                ? Optional.of(new TicketFacts(new BigDecimal("12.50"), "EUR", false)) : Optional.empty());
        fixture.registerInjectableResource(new LobbyPolicy(LOBBY_WINDOW));
        fixture.registerInjectableResource(new HoldPolicy(Duration.ofMinutes(15), Duration.ofMinutes(2)));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.givenCurrentTime(NOW);
        return fixture;
    }

    /** The receipt's purchase only: the fixture gives a snapshot as the party's first event, not at its version. */
    private static Matcher<PurchaseReceipt> receiptFor(TicketPurchase purchase) {
        return new FeatureMatcher<>(equalTo(purchase), "a receipt for", "purchase") {
            @Override
            protected TicketPurchase featureValueOf(PurchaseReceipt receipt) {
                return receipt.purchase();
            }
        };
    }

    private static Matcher<RejectedException> rejectedWith(ErrorCode code) {
        return new FeatureMatcher<>(equalTo(code), "a rejection with code", "code") {
            @Override
            protected ErrorCode featureValueOf(RejectedException rejected) {
                return rejected.code();
            }
        };
    }
}
