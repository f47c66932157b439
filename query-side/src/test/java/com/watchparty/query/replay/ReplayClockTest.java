package com.watchparty.query.replay;

import com.watchparty.api.playback.PlayerAction;
import com.watchparty.api.replay.PlaybackSegment;
import com.watchparty.api.room.PlaybackState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** media_time: the film position at any moment of a party, from its play/pause/seek history. */
class ReplayClockTest {

    static final Instant START = Instant.parse("2026-01-15T20:00:00Z");
    static final UUID ANN = UUID.randomUUID();

    ReplayClock clock = ReplayClock.atStart(START.minusSeconds(600), 3600);

    @Test
    void beforeAnyonePressesPlayTheFilmStandsAtZero() {
        assertThat(clock.mediaTimeAt(START.minusSeconds(300))).isZero(); // in the lobby, before the start
        assertThat(clock.mediaTimeAt(START.plusSeconds(30))).isZero();
    }

    @Test
    void whilePlayingTheFilmAdvancesWithTheWallClock() {
        clock = act(PlayerAction.PLAY, 0, START);

        assertThat(clock.mediaTimeAt(START.plusSeconds(90))).isCloseTo(90, within(1e-9));
    }

    @Test
    void chatSaidWhilePausedAtTwelveMinutesIsAtTwelveMinutes() {
        clock = act(PlayerAction.PLAY, 0, START);
        clock = act(PlayerAction.PAUSE, 720, START.plusSeconds(720));

        assertThat(clock.mediaTimeAt(START.plusSeconds(900))).isEqualTo(720); // said three minutes later
    }

    @Test
    void aSeekWhilePausedMovesTheFrozenPosition() {
        clock = act(PlayerAction.PLAY, 0, START);
        clock = act(PlayerAction.PAUSE, 60, START.plusSeconds(60));
        clock = act(PlayerAction.SEEK, 1800, START.plusSeconds(70));

        assertThat(clock.mediaTimeAt(START.plusSeconds(100))).isEqualTo(1800);
    }

    @Test
    void aSeekWhilePlayingKeepsPlayingFromTheNewPosition() {
        clock = act(PlayerAction.PLAY, 0, START);
        clock = act(PlayerAction.SEEK, 300, START.plusSeconds(10));

        assertThat(clock.mediaTimeAt(START.plusSeconds(40))).isCloseTo(330, within(1e-9));
    }

    @Test
    void aFasterRateAdvancesTheFilmFaster() {
        clock = new ReplayClock(new PlaybackState(true, 100, START, 1.5, ANN), 3600);

        assertThat(clock.mediaTimeAt(START.plusSeconds(20))).isCloseTo(130, within(1e-9));
    }

    @Test
    void theFilmNeverRunsPastItsEnd() {
        clock = act(PlayerAction.PLAY, 3590, START);

        assertThat(clock.mediaTimeAt(START.plusSeconds(60))).isEqualTo(3600);
    }

    @Test
    void stoppingOrJumpingWhilePlayingClosesAPlaybackSegment() {
        clock = act(PlayerAction.PLAY, 10, START);
        var seek = clock.apply(PlayerAction.SEEK, 500, START.plusSeconds(20), ANN);
        var pause = seek.clock().apply(PlayerAction.PAUSE, 505, START.plusSeconds(25), ANN);
        var stop = pause.clock().stop(START.plusSeconds(60));

        assertThat(seek.closedSegment()).contains(new PlaybackSegment(START, START.plusSeconds(20), 10, 30, 1.0));
        assertThat(pause.closedSegment()).contains(new PlaybackSegment(START.plusSeconds(20), START.plusSeconds(25),
                500, 505, 1.0));
        assertThat(stop.closedSegment()).isEmpty(); // already paused
    }

    @Test
    void theEndOfThePartyClosesTheSegmentThatWasPlaying() {
        clock = act(PlayerAction.PLAY, 0, START);
        var end = clock.stop(START.plusSeconds(100));

        assertThat(end.closedSegment()).contains(new PlaybackSegment(START, START.plusSeconds(100), 0, 100, 1.0));
        assertThat(end.clock().mediaTimeAt(START.plusSeconds(200))).isEqualTo(100);
    }

    private ReplayClock act(PlayerAction action, double position, Instant at) {
        return clock.apply(action, position, at, ANN).clock();
    }
}
