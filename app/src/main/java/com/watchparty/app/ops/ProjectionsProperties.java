package com.watchparty.app.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@code watchparty.projections.*}: which event processors are projections that may be rebuilt from the event
 * store through {@code POST /admin/projections/{name}/rebuild}, and how they are watched. Defaults in
 * {@code application.yml}.
 *
 * @param rebuildable   the processing groups that are projections, each with a {@code @ResetHandler} that empties
 *                      its tables; every other processor (e.g. the per-instance {@code room-feed}) is refused
 * @param watchInterval how often the processors are checked: where their segments are, and whether a running
 *                      rebuild has caught up with the event store
 * @param stallAfter    how long a segment may stay at one position while the head of the store is ahead of it
 *                      before it counts as stalled
 */
@ConfigurationProperties("watchparty.projections")
public record ProjectionsProperties(List<String> rebuildable, Duration watchInterval,
                                    Duration stallAfter) {

    public ProjectionsProperties {
        rebuildable = List.copyOf(Objects.requireNonNull(rebuildable, "watchparty.projections.rebuildable is required"));
        requirePositive(watchInterval, "watch-interval");
        requirePositive(stallAfter, "stall-after");
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("watchparty.projections." + name + " must be positive");
        }
    }

    boolean isRebuildable(String name) {
        return rebuildable.contains(name);
    }
}
