package com.watchparty.app.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every {@code watch-interval}, on the projections' worker thread (between rebuilds, never during one), notes where
 * every processor's segments are, for {@link SegmentStalls}, and lets {@link ProjectionRebuilds} see whether a
 * replay has caught up.
 */
@Component
class ProjectionWatch {

    private static final Logger log = LoggerFactory.getLogger(ProjectionWatch.class);

    private final StreamingProcessors processors;
    private final SegmentStalls stalls;
    private final ProjectionRebuilds rebuilds;
    private final ProjectionsProperties properties;
    private final ScheduledExecutorService worker;

    ProjectionWatch(StreamingProcessors processors, SegmentStalls stalls, ProjectionRebuilds rebuilds,
                    ProjectionsProperties properties, ScheduledExecutorService projectionWorker) {
        this.processors = processors;
        this.stalls = stalls;
        this.rebuilds = rebuilds;
        this.properties = properties;
        this.worker = projectionWorker;
    }

    /**
     * Watching starts once the application is ready: earlier, the watcher's first look at the processors could
     * build Axon's configuration on its own thread while other beans were still registering processors with it (the
     * per-instance {@code room-feed} then became a shared processor of the token store).
     */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long interval = properties.watchInterval().toMillis();
        worker.scheduleWithFixedDelay(this::watch, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void watch() {
        try {
            long head = processors.headPosition();
            processors.all().forEach(processor -> stalls.sample(processor, head));
            rebuilds.checkCaughtUp();
        } catch (RuntimeException e) {
            log.debug("checking the processors failed; checking again later", e);
        }
    }
}
