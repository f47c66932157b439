package com.watchparty.app.cluster;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * {@code commandRouting} health: whether this instance is a member of the command routing, and who the members are.
 * DOWN while it is not: it would handle every party's commands itself, racing the others on their event streams.
 */
@Component("commandRouting")
@WithCommandRouting
class CommandRoutingHealthIndicator extends AbstractHealthIndicator {

    private final ClusterStatus status;

    CommandRoutingHealthIndicator(ClusterStatus status) {
        this.status = status;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<String> members = status.routingMembers();
        String instance = status.instance();
        builder.status(members.contains(instance) ? "UP" : "DOWN")
                .withDetail("instance", instance)
                .withDetail("members", members);
    }
}
