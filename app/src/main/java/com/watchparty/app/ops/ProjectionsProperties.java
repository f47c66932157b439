package com.watchparty.app.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * {@code watchparty.projections.*}: which event processors are projections that may be rebuilt from the event
 * store through {@code POST /admin/projections/{name}/rebuild}.
 *
 * @param rebuildable   the processing groups that are projections, each with a {@code @ResetHandler} that empties
 *                      its tables; every other processor (e.g. the per-instance {@code room-feed}) is refused
 * @param watchInterval how often a running rebuild is checked for having caught up with the event store
 */
@ConfigurationProperties("watchparty.projections")
public record ProjectionsProperties(@DefaultValue List<String> rebuildable,
                                    @DefaultValue("1s") Duration watchInterval) {

    public ProjectionsProperties {
        rebuildable = List.copyOf(rebuildable);
        if (watchInterval.isNegative() || watchInterval.isZero()) {
            throw new IllegalArgumentException("watchparty.projections.watch-interval must be positive");
        }
    }

    boolean isRebuildable(String name) {
        return rebuildable.contains(name);
    }
}
