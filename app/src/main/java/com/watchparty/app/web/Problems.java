package com.watchparty.app.web;

import com.watchparty.api.error.Rejection;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.util.UriUtils;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/** Builds the RFC 9457 problem every refusal is answered with, carrying a stable {@code code}. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(Rejection rejection, String path) {
        HttpStatus status = HttpStatus.valueOf(rejection.code().httpStatus());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, rejection.message());
        problem.setType(URI.create("urn:watch-party:problem:" + rejection.code().code()));
        problem.setTitle(status.getReasonPhrase());
        if (path != null) {
            problem.setInstance(instance(path));
        }
        problem.setProperty("code", rejection.code().code());
        if (rejection.field() != null) {
            problem.setProperty("field", rejection.field());
        }
        return problem;
    }

    /** The path as the client sent it; one that is no valid URI (a refused request's, say) is percent-encoded. */
    private static URI instance(String path) {
        try {
            return new URI(path);
        } catch (URISyntaxException e) {
            return URI.create(UriUtils.encodePath(path, StandardCharsets.UTF_8));
        }
    }
}
