package com.watchparty.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code watchparty.auth.*}: the HS256 key for locally minted tokens and whether the dev token route exists.
 * In production configure {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or {@code jwk-set-uri})
 * instead, and the secret is not used.
 *
 * @param jwtSecret     at least 32 bytes of UTF-8 ({@code WATCHPARTY_JWT_SECRET})
 * @param devTokens     whether {@code POST /dev/token} mints tokens for anyone (local use only)
 * @param devTokenTtl   how long a token minted by {@code POST /dev/token} is valid
 */
@ConfigurationProperties("watchparty.auth")
public record AuthProperties(String jwtSecret, Boolean devTokens, Duration devTokenTtl) {

    static final int MIN_SECRET_BYTES = 32;

    byte[] secretKey() {
        byte[] key = jwtSecret == null ? new byte[0] : jwtSecret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("watchparty.auth.jwt-secret (WATCHPARTY_JWT_SECRET) must have at least "
                    + MIN_SECRET_BYTES + " bytes; it has " + key.length);
        }
        return key;
    }
}
