package com.watchparty.command.party;

import java.time.Duration;
import java.time.Instant;

/**
 * Like a premiere's waiting room: ticket holders may join this long before the start.
 */
public record LobbyPolicy(Duration window) {

    public LobbyPolicy {
        if (window == null || window.isNegative()) {
            throw new IllegalArgumentException("the lobby window must be zero or positive");
        }
    }

    boolean isOpen(Instant startTime, Instant now) {
        return !now.isBefore(startTime.minus(window));
    }
}
