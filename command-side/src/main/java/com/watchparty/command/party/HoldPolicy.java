package com.watchparty.command.party;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a seat freed for the waiting list is held for the first in line: {@code holdTime}, but never more than a
 * quarter of the time left until the start, so that a seat freed shortly before it still reaches people who can come;
 * never less than {@code minimum}, which is also the hold once the party has started.
 */
public record HoldPolicy(Duration holdTime, Duration minimum) {

    public HoldPolicy {
        if (minimum == null || holdTime == null || minimum.isNegative() || minimum.isZero() || holdTime.compareTo(minimum) < 0) {
            throw new IllegalArgumentException("holds need a positive minimum and a hold time of at least that");
        }
    }

    Duration holdFor(Instant now, Instant startTime) {
        Duration quarterOfTheWait = Duration.between(now, startTime).dividedBy(4);
        if (quarterOfTheWait.compareTo(holdTime) >= 0) {
            return holdTime;
        }
        return quarterOfTheWait.compareTo(minimum) > 0 ? quarterOfTheWait : minimum;
    }
}
