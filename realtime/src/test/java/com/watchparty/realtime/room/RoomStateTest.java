package com.watchparty.realtime.room;

import com.watchparty.api.chat.ChatMessageSentEvent;
import com.watchparty.api.moderation.HostChangedEvent;
import com.watchparty.api.party.PartyStatus;
import com.watchparty.api.party.WatchPartyFinishedEvent;
import com.watchparty.api.party.WatchPartyScheduledEvent;
import com.watchparty.api.party.WatchPartyStartedEvent;
import com.watchparty.api.playback.PlaybackChangedEvent;
import com.watchparty.api.playback.PlayerAction;
import com.watchparty.api.presence.UserJoinedPartyEvent;
import com.watchparty.api.presence.UserLeftPartyEvent;
import com.watchparty.api.room.Participant;
import com.watchparty.api.room.RoomSnapshot;
import com.watchparty.api.room.RoomUpdate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The room as a newcomer and the chat see it, folded from the party's events. */
class RoomStateTest {

    static final UUID PARTY = UUID.randomUUID();
    static final UUID ANN = UUID.randomUUID();
    static final UUID BEN = UUID.randomUUID();
    static final Instant START = Instant.parse("2026-01-15T20:00:00Z");

    RoomState room;
    long sequence;

    @BeforeEach
    void scheduledAndStarted() {
        room = new RoomState(PARTY);
        apply(new WatchPartyScheduledEvent(PARTY, UUID.randomUUID(), 3600, START, START.plusSeconds(7200), false, 10,
                ANN), START.minusSeconds(3600));
        apply(new WatchPartyStartedEvent(PARTY), START);
    }

    @Test
    void aNewcomerSeesWhoIsInTheRoomInJoinOrder() {
        apply(new UserJoinedPartyEvent(PARTY, ANN, "Ann"), START);
        apply(new UserJoinedPartyEvent(PARTY, BEN, "Ben"), START);
        apply(new UserLeftPartyEvent(PARTY, ANN), START);
        apply(new UserJoinedPartyEvent(PARTY, ANN, "Ann"), START);

        assertThat(room.snapshot(START).participants())
                .containsExactly(new Participant(BEN, "Ben"), new Participant(ANN, "Ann"));
    }

    @Test
    void aJoinOrALeaveSaysWhoAndNothingMore() {
        apply(new UserJoinedPartyEvent(PARTY, ANN, "Ann"), START);

        assertThat(apply(new UserJoinedPartyEvent(PARTY, BEN, "Ben"), START))
                .isEqualTo(new RoomUpdate.UserJoined(PARTY, sequence - 1, new Participant(BEN, "Ben")));
        assertThat(apply(new UserLeftPartyEvent(PARTY, ANN), START))
                .isEqualTo(new RoomUpdate.UserLeft(PARTY, sequence - 1, new Participant(ANN, "Ann")));
        assertThat(room.snapshot(START).hostId()).isEqualTo(ANN);
    }

    @Test
    void aLateJoinerGetsThePositionTheFilmHasReachedNow() {
        apply(new PlaybackChangedEvent(PARTY, ANN, PlayerAction.PLAY, 120), START.plusSeconds(10));

        RoomSnapshot later = room.snapshot(START.plusSeconds(70));

        assertThat(later.playback().playing()).isTrue();
        assertThat(later.playback().position()).isCloseTo(180, within(1e-9));
        assertThat(later.playback().serverTime()).isEqualTo(START.plusSeconds(70));
    }

    @Test
    void aScheduledPlayHoldsItsPositionUntilItTakesEffectAndANewcomerWaitsForItToo() {
        Instant storedAt = START.plusSeconds(10);
        Instant takesEffect = storedAt.plusMillis(400);
        var update = apply(new PlaybackChangedEvent(PARTY, ANN, PlayerAction.PLAY, 120, takesEffect), storedAt);

        var told = ((RoomUpdate.PlaybackChanged) update).playback();
        assertThat(told.serverTime()).isEqualTo(takesEffect);
        assertThat(told.position()).isEqualTo(120);
        var newcomer = room.snapshot(storedAt.plusMillis(100)).playback();
        assertThat(newcomer.serverTime()).isEqualTo(takesEffect);
        assertThat(newcomer.position()).isEqualTo(120);
        var line = apply(new ChatMessageSentEvent(PARTY, UUID.randomUUID(), ANN, "go"), storedAt.plusMillis(200));
        assertThat(((RoomUpdate.MessagePosted) line).message().mediaTime()).isEqualTo(120);
        assertThat(room.snapshot(takesEffect.plusSeconds(2)).playback().position()).isCloseTo(122, within(1e-9));
    }

    @Test
    void aNewHostIsTheRoomsHost() {
        assertThat(apply(new HostChangedEvent(PARTY, BEN, ANN, null), START))
                .isEqualTo(new RoomUpdate.HostChanged(PARTY, sequence - 1, BEN));
        assertThat(room.snapshot(START).hostId()).isEqualTo(BEN);
    }

    @Test
    void aSeekWhilePausedStaysPausedAtTheNewPosition() {
        apply(new PlaybackChangedEvent(PARTY, ANN, PlayerAction.PLAY, 0), START);
        apply(new PlaybackChangedEvent(PARTY, ANN, PlayerAction.PAUSE, 30), START.plusSeconds(30));
        apply(new PlaybackChangedEvent(PARTY, BEN, PlayerAction.SEEK, 600), START.plusSeconds(40));

        var playback = room.snapshot(START.plusSeconds(100)).playback();
        assertThat(playback.playing()).isFalse();
        assertThat(playback.position()).isEqualTo(600);
        assertThat(playback.updatedBy()).isEqualTo(BEN);
    }

    @Test
    void aMessageCarriesTheFilmPositionAndTheSecondsSinceTheStart() {
        apply(new UserJoinedPartyEvent(PARTY, ANN, "Ann"), START);
        apply(new PlaybackChangedEvent(PARTY, ANN, PlayerAction.PLAY, 0), START.plusSeconds(5));
        apply(new PlaybackChangedEvent(PARTY, ANN, PlayerAction.PAUSE, 720), START.plusSeconds(725));

        var update = apply(new ChatMessageSentEvent(PARTY, UUID.randomUUID(), ANN, "what a scene"),
                START.plusSeconds(900));

        var message = ((RoomUpdate.MessagePosted) update).message();
        assertThat(message.username()).isEqualTo("Ann");
        assertThat(message.eventTime()).isEqualTo(900);
        assertThat(message.mediaTime()).isEqualTo(720); // paused at 12:00, said at 15:00 of wall time
    }

    @Test
    void onlyTheLatestFiftyMessagesAreKeptForNewcomers() {
        apply(new UserJoinedPartyEvent(PARTY, ANN, "Ann"), START);
        for (int i = 0; i < 60; i++) {
            apply(new ChatMessageSentEvent(PARTY, UUID.randomUUID(), ANN, "message " + i), START.plusSeconds(i));
        }

        var messages = room.snapshot(START.plusSeconds(60)).recentMessages();
        assertThat(messages).hasSize(RoomSnapshot.RECENT_MESSAGES);
        assertThat(messages.get(0).content()).isEqualTo("message 10");
        assertThat(messages.get(49).content()).isEqualTo("message 59");
    }

    @Test
    void theEndEmptiesTheRoomAndStopsThePlayer() {
        apply(new UserJoinedPartyEvent(PARTY, ANN, "Ann"), START);
        apply(new PlaybackChangedEvent(PARTY, ANN, PlayerAction.PLAY, 0), START);

        var update = apply(new WatchPartyFinishedEvent(PARTY), START.plusSeconds(7200));

        assertThat(update).isEqualTo(new RoomUpdate.StatusChanged(PARTY, sequence - 1, PartyStatus.FINISHED));
        var snapshot = room.snapshot(START.plusSeconds(8000));
        assertThat(snapshot.participants()).isEmpty();
        assertThat(snapshot.playback().playing()).isFalse();
        assertThat(snapshot.playback().position()).isEqualTo(3600); // the film ended before the party did
    }

    @Test
    void everyEventAdvancesTheSequenceEvenWhenTheRoomShowsNothing() {
        long before = room.sequence();
        assertThat(apply(new WatchPartyScheduledEvent(PARTY, UUID.randomUUID(), 3600, START, START.plusSeconds(60),
                false, 10, ANN), START)).isNull();
        assertThat(room.sequence()).isEqualTo(before + 1);
    }

    private RoomUpdate apply(Object event, Instant at) {
        return room.apply(event, sequence++, at).orElse(null);
    }
}
