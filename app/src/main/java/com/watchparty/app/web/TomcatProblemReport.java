package com.watchparty.app.web;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.Rejection;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat refuses some requests before they reach the application: a path with {@code %2F}, {@code %00}, a stray
 * {@code %} or bytes that are no UTF-8, a request line or headers over the size limit, an HTTP version or a transfer
 * coding it does not know. It reports those with its error report valve, an HTML page. This replaces that valve with
 * one that answers a problem.
 * <p>
 * Ordered last, so that it runs after Spring Boot has installed its own report valve, which it removes.
 */
@Component
class TomcatProblemReport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ObjectProvider<ProblemWriter> problems;

    TomcatProblemReport(ObjectProvider<ProblemWriter> problems) {
        this.problems = problems;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ProblemReportValve(problems));
            // the host adds a report valve of this class when it starts, unless one is there already
            host.setErrorReportValveClass(ProblemReportValve.class.getName());
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static final class ProblemReportValve extends ErrorReportValve {

        private final ObjectProvider<ProblemWriter> problems;

        ProblemReportValve(ObjectProvider<ProblemWriter> problems) {
            this.problems = problems;
        }

        /** Like Tomcat's own report: only for an error response nothing has been written to yet. */
        @Override
        protected void report(Request request, Response response, Throwable failure) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean();
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            ErrorCode code = codeOf(status, request.getMethod());
            String detail = code == ErrorCode.MALFORMED_REQUEST
                    ? "the request could not be read: its line, path or headers are malformed or too large"
                    : HttpStatus.valueOf(code.httpStatus()).getReasonPhrase().toLowerCase(Locale.ROOT);
            try {
                String problem = problems.getObject().text(new Rejection(code, detail, null), request.getRequestURI());
                response.setStatus(code.httpStatus());
                if (code == ErrorCode.METHOD_NOT_ALLOWED) {
                    response.setHeader(HttpHeaders.ALLOW, RequestFirewall.ALLOW);
                }
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(problem);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client has gone or the response was taken: there is no one left to tell
            }
        }

        /**
         * Tomcat answers 501 to a method it does not implement (CONNECT) or a transfer coding it does not know, and
         * 505 to an HTTP version it does not speak: refusals of what the client sent, not failures of the service.
         */
        private static ErrorCode codeOf(int status, String method) {
            if (status == HttpStatus.NOT_IMPLEMENTED.value()) {
                return method != null && RequestFirewall.METHODS.contains(method)
                        ? ErrorCode.MALFORMED_REQUEST : ErrorCode.METHOD_NOT_ALLOWED;
            }
            if (status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED.value()) {
                return ErrorCode.MALFORMED_REQUEST;
            }
            return ErrorCode.forHttpStatus(status);
        }
    }
}
