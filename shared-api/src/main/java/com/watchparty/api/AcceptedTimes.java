package com.watchparty.api;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;

import java.time.Instant;

/**
 * The instants a request may name: from the year 2000 to the end of 9999. Java reads instants far beyond what
 * PostgreSQL's {@code timestamptz}, the deadline scheduler or a client's date library can hold; one beyond these
 * bounds is refused as the caller's mistake instead of failing later in the database or in a projection.
 */
public final class AcceptedTimes {

    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private AcceptedTimes() {
    }

    /** Refuses {@code time}, when there is one, outside the bounds, blaming {@code field} with {@code code}. */
    public static void require(Instant time, ErrorCode code, String field) {
        if (time != null && (time.isBefore(EARLIEST) || time.isAfter(LATEST))) {
            throw new RejectedException(code, field + " must be between " + EARLIEST + " and " + LATEST, field);
        }
    }
}
