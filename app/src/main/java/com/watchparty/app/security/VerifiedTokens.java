package com.watchparty.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;

/**
 * Verifies each distinct token once until it expires. A fan's token comes with every request and socket connect of
 * their evening, and parsing it, checking its signature and converting its claims again each time was a twentieth of
 * a refused purchase's CPU at a sale rush. Only a token that the verifier accepted is kept, under its exact text
 * (so under its signature too), and used only before its {@code exp}; after that the verifier judges it again, with
 * its own clock skew. A token without {@code exp} (possible from an issuer's decoder) is never kept. The least used
 * go first once {@value #MAX_TOKENS} are kept: a sold-out premiere's crowd.
 */
final class VerifiedTokens implements JwtDecoder {

    static final int MAX_TOKENS = 20_000;

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .expireAfter(Expiry.<String, Jwt>writing((token, jwt) -> timeLeft(jwt)))
                .build();
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = verified.getIfPresent(token);
        if (jwt != null && unexpired(jwt)) {
            return jwt;
        }
        jwt = verifier.decode(token);
        if (unexpired(jwt)) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    private boolean unexpired(Jwt jwt) {
        return jwt.getExpiresAt() != null && clock.instant().isBefore(jwt.getExpiresAt());
    }

    private Duration timeLeft(Jwt jwt) {
        return Duration.between(clock.instant(), jwt.getExpiresAt());
    }
}
