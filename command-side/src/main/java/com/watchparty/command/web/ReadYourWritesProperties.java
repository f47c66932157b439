package com.watchparty.command.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code watchparty.web.*} as far as writes go: how long a write waits to answer with the projected resource.
 * Defaults in {@code application.yml}.
 *
 * @param projectionWait         how long {@code POST} and {@code PATCH} wait for the projection to show the change
 *                               before they answer {@code 202 Accepted}
 * @param projectionPollInterval how often a waiting write asks the view again: the update of a projection run by
 *                               another instance never reaches this one
 */
@ConfigurationProperties("watchparty.web")
public record ReadYourWritesProperties(Duration projectionWait, Duration projectionPollInterval) {

    public ReadYourWritesProperties {
        if (projectionWait == null || projectionWait.isNegative()
                || projectionPollInterval == null || projectionPollInterval.isNegative() || projectionPollInterval.isZero()) {
            throw new IllegalArgumentException(
                    "watchparty.web.projection-wait must be zero or more and projection-poll-interval positive");
        }
    }
}
