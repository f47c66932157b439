package com.watchparty.app.cluster;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * This instance's name among the others: the owner of its claims in the token store and its name in the command
 * routing, so {@code GET /admin/cluster} can put the two side by side. The JVM's process name ({@code pid@host}) and
 * a random suffix: two instances in one JVM (as in the tests) must not share one, or both would claim a segment.
 */
public record InstanceName(String value) {

    public static InstanceName generate() {
        return new InstanceName(ManagementFactory.getRuntimeMXBean().getName() + "#"
                + UUID.randomUUID().toString().substring(0, 8));
    }
}
