package com.watchparty.app.web;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.Rejection;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/** Builds the RFC 9457 problem every refusal is answered with, carrying a stable {@code code}. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(Rejection rejection, String path) {
        HttpStatus status = HttpStatus.valueOf(rejection.code().httpStatus());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, rejection.message());
        problem.setType(URI.create("urn:watch-party:problem:" + rejection.code().code()));
        problem.setTitle(status.getReasonPhrase());
        problem.setInstance(URI.create(path));
        problem.setProperty("code", rejection.code().code());
        if (rejection.field() != null) {
            problem.setProperty("field", rejection.field());
        }
        return problem;
    }

    public static ProblemDetail of(ErrorCode code, String message, String path) {
        return of(new Rejection(code, message, null), path);
    }
}
