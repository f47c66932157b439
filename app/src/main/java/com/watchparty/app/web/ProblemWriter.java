package com.watchparty.app.web;

import com.watchparty.command.web.Problems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.watchparty.api.error.Rejection;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Writes a {@link Problems problem} straight to a response, for refusals made where no controller advice reaches:
 * Spring Security's entry points and firewall, CORS, and Tomcat before the request reaches the application.
 */
@Component
public class ProblemWriter {

    private final ObjectMapper json;

    ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, Rejection rejection)
            throws IOException {
        // refused while forwarded to the error page (Tomcat refuses TRACE that way): name the path the client asked for
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original
                ? original : request.getRequestURI();
        write(response, rejection, path);
    }

    /** @param path the path the client asked for, or {@code null} where it is not known */
    public void write(HttpServletResponse response, Rejection rejection, String path) throws IOException {
        response.setStatus(rejection.code().httpStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(Problems.of(rejection, path)));
    }

    /** The problem's JSON, for a writer that can only take text (Tomcat's error report). */
    String text(Rejection rejection, String path) {
        try {
            return json.writeValueAsString(Problems.of(rejection, path));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem is always serializable", e);
        }
    }
}
