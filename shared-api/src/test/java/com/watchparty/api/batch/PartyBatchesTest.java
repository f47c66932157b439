package com.watchparty.api.batch;

import com.watchparty.api.error.BatchOutcome;
import com.watchparty.api.error.BatchOutcomes;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A paced party's appends: a command after a quiet spell goes at once, a busy interval's commands go together. */
class PartyBatchesTest {

    record Line(String text) {
    }

    record Lines(UUID partyId, List<Line> lines) {
    }

    private static final Duration INTERVAL = Duration.ofMillis(300);

    private final List<List<Line>> appends = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final PartyBatches<Line, BatchOutcome> batches;

    PartyBatchesTest() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(Lines.class.getName(), (CommandMessage<?> command) -> {
            List<Line> lines = ((Lines) command.getPayload()).lines();
            appends.add(lines);
            return new BatchOutcomes(Collections.nCopies(lines.size(), BatchOutcome.DONE));
        });
        batches = new PartyBatches<>(DefaultCommandGateway.builder().commandBus(bus).build(), Lines::new, INTERVAL,
                timer);
    }

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void aLineAfterAQuietSpellGoesAtOnceAndABusyIntervalsLinesGoTogether() throws Exception {
        UUID party = UUID.randomUUID();
        long start = System.nanoTime();
        batches.send(party, new Line("first")).get(1, TimeUnit.SECONDS);
        assertThat(elapsedSince(start)).as("the first line, after a quiet spell").isLessThan(INTERVAL.dividedBy(2));

        List<CompletableFuture<BatchOutcome>> busy = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            busy.add(batches.send(party, new Line("busy " + i)));
        }
        CompletableFuture.allOf(busy.toArray(CompletableFuture[]::new)).get(2, TimeUnit.SECONDS);
        assertThat(elapsedSince(start)).as("the busy lines, at the end of the first one's interval")
                .isGreaterThanOrEqualTo(INTERVAL.minusMillis(20));
        assertThat(appends).extracting(List::size).containsExactly(1, 5);

        Thread.sleep(INTERVAL.toMillis() * 2); // quiet again
        long later = System.nanoTime();
        batches.send(party, new Line("after a pause")).get(1, TimeUnit.SECONDS);
        assertThat(elapsedSince(later)).as("a line after the pause").isLessThan(INTERVAL.dividedBy(2));
        assertThat(appends).extracting(List::size).containsExactly(1, 5, 1);
    }

    @Test
    void partiesArePacedEachOnItsOwn() throws Exception {
        UUID premiere = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        batches.send(premiere, new Line("premiere")).get(1, TimeUnit.SECONDS);

        long start = System.nanoTime();
        batches.send(other, new Line("other party")).get(1, TimeUnit.SECONDS);
        assertThat(elapsedSince(start)).as("another party's line, not held by the premiere's interval")
                .isLessThan(INTERVAL.dividedBy(2));
    }

    private static Duration elapsedSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
