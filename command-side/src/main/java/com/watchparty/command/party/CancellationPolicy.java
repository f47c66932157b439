package com.watchparty.command.party;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * A ticket may be given back until {@code cutoff} before the start; the refund is the price paid minus {@code fee}
 * (in the ticket's currency), never below zero and never rounded up.
 */
public record CancellationPolicy(Duration cutoff, BigDecimal fee) {

    public CancellationPolicy {
        if (cutoff == null || cutoff.isNegative() || fee == null || fee.signum() < 0) {
            throw new IllegalArgumentException("the cancellation cutoff and fee must be zero or positive");
        }
    }

    boolean isOpen(Instant startTime, Instant now) {
        return now.isBefore(startTime.minus(cutoff));
    }

    BigDecimal refundOf(BigDecimal pricePaid) {
        return pricePaid.subtract(fee).max(BigDecimal.ZERO).setScale(pricePaid.scale(), RoundingMode.DOWN);
    }
}
