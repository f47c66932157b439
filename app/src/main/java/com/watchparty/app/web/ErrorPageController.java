package com.watchparty.app.web;

import com.watchparty.command.web.Problems;
import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.Rejection;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;

/**
 * The error page: what the servlet container forwards to after a {@code sendError} or an exception no controller
 * advice saw (a refused {@code /WEB-INF/...}, a failing filter). Answers a problem, like every other refusal, in
 * place of Spring Boot's own error JSON.
 */
@RestController
class ErrorPageController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPageController.class);

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : null;
        if (status >= 500) {
            log.error("request failed: {} {}", request.getMethod(), path,
                    request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        HttpStatus known = HttpStatus.resolve(status);
        String detail = known == null ? "the request was refused" : known.getReasonPhrase().toLowerCase(Locale.ROOT);
        ProblemDetail problem = Problems.of(new Rejection(ErrorCode.forHttpStatus(status), detail, null), path);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
