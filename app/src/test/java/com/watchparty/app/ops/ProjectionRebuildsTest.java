package com.watchparty.app.ops;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import com.watchparty.app.ops.ProjectionStatus.Rebuild.State;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The refusals and the failure path of a rebuild, which the running service cannot show on demand. */
class ProjectionRebuildsTest {

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    private final ProjectionsProperties properties =
            new ProjectionsProperties(List.of("movies"), Duration.ofMillis(50), Duration.ofSeconds(30));
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
    private final ProjectionRebuilds rebuilds;
    private final ProjectionStatuses statuses;

    ProjectionRebuildsTest() {
        when(processor.getName()).thenReturn("movies");
        when(processor.supportsReset()).thenReturn(true);
        when(processor.processingStatus()).thenReturn(Map.of());
        when(processing.eventProcessor("movies", StreamingEventProcessor.class)).thenReturn(Optional.of(processor));
        // created once the mocks are stubbed: the worker thread calls them, and a stubbing it races is lost
        StreamingProcessors processors = new StreamingProcessors(processing, mock(EventStore.class));
        rebuilds = new ProjectionRebuilds(processors, properties, Clock.systemUTC(), worker);
        statuses = new ProjectionStatuses(processors, new SegmentStalls(processing, properties, Clock.systemUTC()),
                new DeadLetters(processing, mock(JdbcClient.class)), rebuilds, properties);
    }

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    @Test
    void aProcessorWhoseHandlersCannotBeResetIsRefused() {
        when(processor.supportsReset()).thenReturn(false);

        assertThatThrownBy(() -> rebuilds.rebuild("movies")).isInstanceOfSatisfying(RejectedException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.RESET_NOT_SUPPORTED));
        verify(processor, never()).shutDown();
    }

    @Test
    void aProcessorThatIsNoProjectionIsRefused() {
        StreamingEventProcessor feed = mock(StreamingEventProcessor.class);
        when(feed.supportsReset()).thenReturn(true);
        when(processing.eventProcessor("room-feed", StreamingEventProcessor.class)).thenReturn(Optional.of(feed));

        assertThatThrownBy(() -> rebuilds.rebuild("room-feed")).isInstanceOfSatisfying(RejectedException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_REBUILDABLE));
        verify(feed, never()).shutDown();
    }

    @Test
    void aSecondRebuildWhileTheFirstStopsTheProcessorIsRefusedThenTheFirstCarriesOn() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        doAnswer(call -> {
            stopped.await();
            return null;
        }).when(processor).shutDown();

        assertThat(rebuilds.rebuild("movies").state()).isIn(State.STOPPING, State.RESETTING);
        assertThatThrownBy(() -> rebuilds.rebuild("movies")).isInstanceOfSatisfying(RejectedException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.REBUILD_IN_PROGRESS));
        stopped.countDown();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> verify(processor).start());
        assertThat(statuses.of("movies").rebuild().state()).isEqualTo(State.REPLAYING);
        var order = inOrder(processor);
        order.verify(processor).shutDown();
        order.verify(processor).resetTokens();
        order.verify(processor).start();
    }

    @Test
    void aResetThatFailsIsReportedAndTheProcessorResumes() {
        doThrow(new UnableToClaimTokenException("segment 2 is claimed by another instance"))
                .when(processor).resetTokens();

        rebuilds.rebuild("movies");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> verify(processor).start());
        assertThat(statuses.of("movies").rebuild().state()).isEqualTo(State.FAILED);
        assertThat(statuses.of("movies").rebuild().error()).contains("claimed by another instance");
    }
}
