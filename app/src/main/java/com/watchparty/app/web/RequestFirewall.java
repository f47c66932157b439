package com.watchparty.app.web;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.Rejection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.Set;
import java.util.TreeSet;

/**
 * Spring Security's firewall refuses requests before any controller: paths with {@code ;}, {@code ..}, encoded
 * slashes or line breaks, and methods outside a known few ({@code TRACE}, made-up ones). It would answer with an
 * empty 400 or Spring Boot's error JSON; here its refusals are problems like every other.
 */
@Configuration(proxyBeanMethods = false)
class RequestFirewall {

    /** Every method a route of this service answers to; anything else (TRACE, CONNECT, made-up ones) is a 405. */
    static final Set<String> METHODS = Set.of(HttpMethod.GET.name(), HttpMethod.HEAD.name(), HttpMethod.POST.name(),
            HttpMethod.PUT.name(), HttpMethod.PATCH.name(), HttpMethod.DELETE.name(), HttpMethod.OPTIONS.name());
    /** The {@code Allow} header of a 405 for a method outside {@link #METHODS}. */
    static final String ALLOW = String.join(", ", new TreeSet<>(METHODS));

    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHttpMethods(METHODS);
        return firewall;
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, rejected) -> {
            if (!METHODS.contains(request.getMethod())) {
                response.setHeader(HttpHeaders.ALLOW, ALLOW);
                problems.write(request, response, new Rejection(ErrorCode.METHOD_NOT_ALLOWED,
                        "this service has no route for the method " + request.getMethod(), null));
            } else {
                problems.write(request, response, new Rejection(ErrorCode.MALFORMED_REQUEST,
                        "the request's path or headers are not allowed", null));
            }
        };
    }
}
