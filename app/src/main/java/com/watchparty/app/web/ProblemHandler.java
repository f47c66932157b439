package com.watchparty.app.web;

import com.watchparty.command.web.Problems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.Rejection;
import com.watchparty.api.error.Rejections;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every error leaves as {@code application/problem+json} with a stable {@code code}. Bad input of any kind is a
 * 4xx naming the field at fault; only a fault of the service itself is a 500, and it is logged.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof BodySizeLimit.BodyTooLargeException tooLarge) {
            return tooLarge(tooLarge, request);
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return respond(new Rejection(ErrorCode.VALIDATION_FAILED,
                    "unknown field '" + unknown.getPropertyName() + "'", unknown.getPropertyName()), request);
        }
        if (cause instanceof InvalidNullException nulled) {
            String field = fieldOf(nulled);
            return respond(new Rejection(ErrorCode.VALIDATION_FAILED, field + " must not be null", field), request);
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldOf(mapping);
            return respond(new Rejection(ErrorCode.VALIDATION_FAILED, field + " has a value of the wrong type or form",
                    field), request);
        }
        String detail = cause instanceof JsonProcessingException ? "the body is not valid JSON" : "a JSON body is required";
        return respond(new Rejection(ErrorCode.MALFORMED_REQUEST, detail, null), request);
    }

    /** A body over {@code watchparty.web.max-body-size}, read by a handler of its own rather than as JSON. */
    @ExceptionHandler(BodySizeLimit.BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(BodySizeLimit.BodyTooLargeException e, HttpServletRequest request) {
        return respond(new Rejection(ErrorCode.PAYLOAD_TOO_LARGE, e.getMessage(), null), request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        var errors = e.getBindingResult().getFieldErrors();
        String field = snakeCase(errors.get(0).getField());
        String detail = errors.stream().map(err -> snakeCase(err.getField()) + " " + err.getDefaultMessage())
                .collect(Collectors.joining("; "));
        return respond(new Rejection(ErrorCode.VALIDATION_FAILED, detail, field), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String name = e.getName();
        return respond(new Rejection(ErrorCode.INVALID_PARAMETER, name + " has a value of the wrong form", name),
                request);
    }

    /**
     * A refusal, a lost race or a fault of the service, translated as for the socket acks ({@link Rejections});
     * Spring's own web errors (unknown path, wrong method, missing parameter...) keep their status.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> failed(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse web) {
            int status = web.getStatusCode().value();
            String detail = web.getBody().getDetail() != null ? web.getBody().getDetail() : e.getMessage();
            return respond(new Rejection(ErrorCode.forHttpStatus(status), detail, null), request);
        }
        Rejection rejection = Rejections.of(e);
        if (rejection == Rejections.INTERNAL_ERROR) {
            log.error("request failed: {} {}", request.getMethod(), request.getRequestURI(), e);
        }
        return respond(rejection, request);
    }

    private static ResponseEntity<ProblemDetail> respond(Rejection rejection, HttpServletRequest request) {
        return Problems.response(rejection, request.getRequestURI());
    }

    private static String fieldOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String snakeCase(String javaName) {
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
