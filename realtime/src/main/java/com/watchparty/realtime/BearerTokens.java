package com.watchparty.realtime;

import com.watchparty.api.identity.Caller;

import java.time.Instant;
import java.util.Optional;

/**
 * How the room learns who a socket's token names. The service reads tokens in one place, for REST and sockets alike;
 * the room only asks it.
 */
public interface BearerTokens {

    /** A verified token: who it names, and until when. */
    record Bearer(Caller caller, Instant expiresAt) {
    }

    /** @return the bearer of {@code token} (with or without a {@code Bearer } prefix), or empty if it is not valid */
    Optional<Bearer> verify(String token);
}
