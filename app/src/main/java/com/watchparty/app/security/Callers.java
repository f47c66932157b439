package com.watchparty.app.security;

import com.watchparty.api.identity.Caller;
import com.watchparty.realtime.BearerTokens;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Turns a verified JWT into the {@link Caller} it names: the one reading of a token, for REST and sockets alike. */
@Component
public class Callers implements BearerTokens {

    private final VerifiedTokens tokens;

    Callers(JwtDecoder verifier, Clock clock) {
        this.tokens = new VerifiedTokens(verifier, clock);
    }

    /** The decoder of bearer tokens for REST: the same verified tokens the sockets read. */
    JwtDecoder tokens() {
        return tokens;
    }

    /** The caller a verified token names: {@code sub} is the id, {@code name} (or the username) the display name. */
    public Caller of(Jwt jwt) {
        String name = jwt.getClaimAsString(Claims.NAME);
        if (name == null || name.isBlank()) {
            name = jwt.getClaimAsString(Claims.PREFERRED_USERNAME);
        }
        return new Caller(UUID.fromString(jwt.getSubject()), name == null ? jwt.getSubject() : name,
                SecurityConfiguration.isAdmin(jwt));
    }

    @Override
    public Optional<Bearer> verify(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            Jwt jwt = tokens.decode(token.replaceFirst("^Bearer ", ""));
            return Optional.of(new Bearer(of(jwt), jwt.getExpiresAt()));
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
