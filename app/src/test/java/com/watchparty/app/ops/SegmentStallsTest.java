package com.watchparty.app.ops;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** When a segment counts as stalled, including the moments a failing one is held by no node at all. */
class SegmentStallsTest {

    private static final long HEAD = 10;

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final TokenStore tokenStore = mock(TokenStore.class);
    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    private final Map<Integer, EventTrackerStatus> claimed = new HashMap<>();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final SegmentStalls stalls = new SegmentStalls(processing,
            new ProjectionsProperties(List.of("movies"), Duration.ofSeconds(1), Duration.ofSeconds(30)), new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            });

    SegmentStallsTest() {
        when(processor.getName()).thenReturn("movies");
        when(processor.processingStatus()).thenReturn(claimed);
        when(processing.tokenStore("movies")).thenReturn(tokenStore);
        when(processing.transactionManager("movies")).thenReturn(NoTransactionManager.INSTANCE);
        availableToThisNode(0); // segment 1 is another node's
    }

    @Test
    void aSegmentThatMovesOrIsAtTheHeadIsNotStalled() {
        availableToThisNode(0, 1);
        claim(0, 3, false);
        claim(1, HEAD, false);
        sampleAfter(Duration.ZERO);
        claim(0, 4, false);

        sampleAfter(Duration.ofSeconds(29));
        sampleAfter(Duration.ofSeconds(29));

        assertThat(stalls.stalled(processor, HEAD)).isEmpty();
    }

    @Test
    void aSegmentAtOnePositionBehindTheHeadStallsAfterStallAfter() {
        claim(0, 3, false);
        sampleAfter(Duration.ZERO);

        sampleAfter(Duration.ofSeconds(29));
        assertThat(stalls.stalled(processor, HEAD)).isEmpty();
        sampleAfter(Duration.ofSeconds(1));
        assertThat(stalls.stalled(processor, HEAD)).containsExactly(0);

        claim(0, 4, false);
        sampleAfter(Duration.ofSeconds(1));
        assertThat(stalls.stalled(processor, HEAD)).isEmpty();
    }

    @Test
    void aSegmentInErrorIsStalledAtOnce() {
        claim(1, 3, true);

        assertThat(stalls.stalled(processor, HEAD)).containsExactly(1);
    }

    @Test
    void aSegmentReleasedAfterFailuresStaysStalledWhileNoNodeHoldsIt() {
        claim(0, 3, false);
        sampleAfter(Duration.ZERO);
        claimed.remove(0); // released after its batch failed, claimable again after a back-off

        sampleAfter(Duration.ofSeconds(30));
        assertThat(stalls.stalled(processor, HEAD)).containsExactly(0);

        claim(0, 3, false); // claimed again, at the same place
        sampleAfter(Duration.ofSeconds(1));
        assertThat(stalls.stalled(processor, HEAD)).containsExactly(0);
    }

    @Test
    void aSegmentThatAnotherNodeHoldsIsLeftToIt() {
        claim(0, 3, false);
        sampleAfter(Duration.ZERO);
        claimed.remove(0);
        availableToThisNode();

        sampleAfter(Duration.ofSeconds(30));

        assertThat(stalls.stalled(processor, HEAD)).isEmpty();
    }

    private void claim(int segment, long position, boolean error) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getSegment()).thenReturn(Segment.computeSegment(segment, 0, 1));
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        when(status.isErrorState()).thenReturn(error);
        claimed.put(segment, status);
    }

    private void availableToThisNode(int... segments) {
        when(tokenStore.fetchAvailableSegments("movies")).thenReturn(
                Arrays.stream(segments).mapToObj(id -> Segment.computeSegment(id, 0, 1)).toList());
    }

    private void sampleAfter(Duration elapsed) {
        now = now.plus(elapsed);
        stalls.sample(processor, HEAD);
    }
}
