package com.watchparty.command.web;

import com.watchparty.api.error.Rejection;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriUtils;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * Builds the RFC 9457 problem every refusal is answered with, carrying a stable {@code code}: for the error handlers,
 * and for a controller that answers a refusal it expects by far the most often (a sold-out rush) without throwing.
 */
public final class Problems {

    private Problems() {
    }

    /** Always problem+json, whatever the client accepts: a refusal of its Accept header is a problem too. */
    public static ResponseEntity<ProblemDetail> response(Rejection rejection, String path) {
        ProblemDetail problem = of(rejection, path);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * The same, from a route whose documented body is a {@code T}: Spring writes the body it is given by the body's own
     * type (the problem, as problem+json), while the route's signature, and so its OpenAPI description, keeps its
     * success type.
     */
    @SuppressWarnings("unchecked")
    public static <T> ResponseEntity<T> refusal(Rejection rejection, String path) {
        return (ResponseEntity<T>) (ResponseEntity<?>) response(rejection, path);
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
