package com.watchparty.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Bounds every request body read as a stream (as every JSON body is) to {@code watchparty.web.max-body-size},
 * declared or chunked: reading past it fails with a {@link BodyTooLargeException}, which {@link ProblemHandler}
 * answers with 413. A body declared larger fails at its first byte, so none of it is read. Without this, Spring MVC
 * reads a body of any size into memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimit extends OncePerRequestFilter {

    private final int maxBytes;

    BodySizeLimit(RequestLimits limits) {
        this.maxBytes = limits.maxBodyBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new LimitedBodyRequest(request, maxBytes), response);
    }

    /** Reading past the limit. An {@link IOException}, so JSON parsing passes it on as it is rather than wrapped. */
    static final class BodyTooLargeException extends IOException {

        BodyTooLargeException(int maxBytes) {
            super("the request body is larger than " + maxBytes + " bytes");
        }
    }

    private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

        private final int maxBytes;
        private ServletInputStream body;

        LimitedBodyRequest(HttpServletRequest request, int maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new LimitedInputStream(super.getInputStream(), getContentLengthLong() > maxBytes, maxBytes);
            }
            return body;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final boolean declaredTooLarge;
        private final int maxBytes;
        private long read;

        LimitedInputStream(ServletInputStream in, boolean declaredTooLarge, int maxBytes) {
            this.in = in;
            this.declaredTooLarge = declaredTooLarge;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            requireWithinLimit(0);
            int b = in.read();
            if (b >= 0) {
                requireWithinLimit(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            requireWithinLimit(0);
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                requireWithinLimit(n);
            }
            return n;
        }

        private void requireWithinLimit(int justRead) throws BodyTooLargeException {
            read += justRead;
            if (declaredTooLarge || read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
