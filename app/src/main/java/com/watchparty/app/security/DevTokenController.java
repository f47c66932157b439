package com.watchparty.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /dev/token}: mints a signed token for whoever asks. For local use only, so it exists only when
 * {@code watchparty.auth.dev-tokens=true}; production leaves it off and trusts its identity provider.
 */
@RestController
@ConditionalOnProperty(name = "watchparty.auth.dev-tokens", havingValue = "true")
class DevTokenController {

    private final AuthProperties properties;
    private final Clock clock;

    DevTokenController(AuthProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    record DevTokenRequest(@NotBlank @Size(max = 100) String name, Boolean admin, UUID userId) {
    }

    record DevToken(String token, UUID userId, String name, boolean admin, Instant expiresAt) {
    }

    @PostMapping("/dev/token")
    DevToken mint(@Valid @RequestBody DevTokenRequest request) throws JOSEException {
        UUID userId = request.userId() != null ? request.userId() : UUID.randomUUID();
        boolean admin = Boolean.TRUE.equals(request.admin());
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.devTokenTtl());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(userId.toString())
                .claim(Claims.NAME, request.name().strip())
                .claim(Claims.ROLES, admin ? List.of(Claims.ADMIN_ROLE) : List.of())
                .claim(Claims.ADMIN, admin)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(properties.secretKey()));
        return new DevToken(jwt.serialize(), userId, request.name().strip(), admin, expiresAt);
    }
}
