package com.watchparty.app.security;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.Rejection;
import com.watchparty.app.web.ProblemWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import javax.crypto.spec.SecretKeySpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Users are JWT bearers: {@code sub} is the user id (a UUID), {@code name} the display name, {@code roles} or
 * {@code admin} mark admins. Reading the catalog and parties is open; a party's log and replay need a ticket for it
 * (checked by the query side); changing the catalog or parties, {@code /admin/**} and the metrics need an admin.
 * The web client's static files are open too; its page gets a content security policy that lets it run only its
 * own scripts and talk only to this service (films may come from anywhere).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
class SecurityConfiguration {

    static final String[] WEB_CLIENT = {"/", "/index.html", "/css/**", "/js/**", "/vendor/**", "/media/**"};

    static final String WEB_CLIENT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https:; media-src 'self' https: http: blob:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems, Callers callers) throws Exception {
        return http
                .headers(headers -> headers
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/"),
                                        PathPatternRequestMatcher.withDefaults().matcher("/index.html")),
                                new ContentSecurityPolicyHeaderWriter(WEB_CLIENT_POLICY))))
                .csrf(AbstractHttpConfigurer::disable) // bearer tokens only: no cookie a browser could replay
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // no sessions: nothing to log out of, no saved request to resume (the servlet API's principal stays,
                // the actuator reads admins from it)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .cors(Customizer.withDefaults())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/watch-parties", "/watch-parties/*", "/movies", "/movies/*",
                                "/tickets", "/tickets/*").permitAll()
                        .requestMatchers(HttpMethod.GET, WEB_CLIENT).permitAll()
                        .requestMatchers("/actuator/prometheus", "/actuator/metrics/**").hasRole("ADMIN")
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/asyncapi.yaml",
                                "/dev/token", "/error",
                                "/socket.io/**") // Socket.IO checks the token itself, at each namespace CONNECT
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/watch-parties", "/movies", "/tickets", "/tickets/*/vouchers",
                                "/watch-parties/*/invitation-code").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/watch-parties/*/box-office").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PATCH, "/watch-parties/*").hasRole("ADMIN")
                        .requestMatchers("/watch-parties/*/moderators/**").hasRole("ADMIN")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.decoder(callers.tokens())
                                .jwtAuthenticationConverter(authenticationConverter()))
                        .authenticationEntryPoint((request, response, e) -> problems.write(request, response,
                                new Rejection(ErrorCode.UNAUTHORIZED, "a valid bearer token is required", null))))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> problems.write(request, response,
                                new Rejection(ErrorCode.UNAUTHORIZED, "a valid bearer token is required", null)))
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                                new Rejection(ErrorCode.FORBIDDEN, "this needs an admin", null))))
                .build();
    }

    /**
     * Requests are matched on Spring's parsed path patterns, not by asking Spring MVC's handler mappings for each
     * matcher of each request.
     */
    @Bean
    PathPatternRequestMatcher.Builder requestMatchers() {
        return PathPatternRequestMatcher.withDefaults();
    }

    /**
     * Every request is still counted and timed ({@code http.server.requests}); what is left out is an observation
     * around each of the filter chain's filters, its authentication and its authorization: at a sale rush that was a
     * fifth of the service's CPU for a refused purchase.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Local tokens: HS256 with the configured secret. Absent when an issuer or JWK set is configured. */
    @Bean
    @ConditionalOnExpression("'${spring.security.oauth2.resourceserver.jwt.issuer-uri:}' == ''"
            + " and '${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}' == ''")
    JwtDecoder hmacJwtDecoder(AuthProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withSecretKey(new SecretKeySpec(properties.secretKey(), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), userIdentity()));
        return decoder;
    }

    /** Every token must name its user by a UUID and expire: a user id is how the service tells people apart. */
    static OAuth2TokenValidator<Jwt> userIdentity() {
        return jwt -> {
            if (jwt.getExpiresAt() == null) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "exp is required", null));
            }
            try {
                UUID.fromString(jwt.getSubject());
                return OAuth2TokenValidatorResult.success();
            } catch (RuntimeException e) {
                return OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_token", JwtClaimNames.SUB + " must be a UUID", null));
            }
        };
    }

    static JwtAuthenticationConverter authenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(SecurityConfiguration::authorities);
        return converter;
    }

    static boolean isAdmin(Jwt jwt) {
        List<String> roles = jwt.hasClaim(Claims.ROLES) ? jwt.getClaimAsStringList(Claims.ROLES) : List.of();
        return Boolean.TRUE.equals(jwt.getClaimAsBoolean(Claims.ADMIN)) || roles.contains(Claims.ADMIN_ROLE);
    }

    private static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        if (isAdmin(jwt)) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        return authorities;
    }
}
