package com.watchparty.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what no well-behaved client sends: a raw request line, bytes that are no UTF-8
 * in a path or a body, header values a client library refuses. One request per connection ({@code Connection:
 * close}), so the response ends where the connection does, and a response cut short is seen as such.
 */
public final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final Duration timeout;

    public RawHttp(int port, Duration timeout) {
        this.port = port;
        this.timeout = timeout;
    }

    /**
     * @param status   the status, or 0 for an HTTP/0.9 answer (a body without status line or headers), which Tomcat
     *                 gives to a request line it could not read far enough to know the version
     * @param complete whether the body arrived whole: all of a {@code Content-Length}, or a chunked body up to its
     *                 last chunk. A response that stopped after its headers were sent is not complete.
     */
    public record Response(int status, Map<String, String> headers, byte[] body, boolean complete) {

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body as JSON, or {@code null} if it is none. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            String text = text();
            return status + " " + contentType() + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text)
                    + (complete ? "" : " (cut short)");
        }
    }

    /** Sends {@code head} (request line and headers, up to the blank line) and {@code body}, and reads the answer. */
    public Response send(String head, byte[] body) {
        return send(head.getBytes(StandardCharsets.ISO_8859_1), body, head.startsWith("HEAD "));
    }

    /**
     * Sends the bytes as they are. The body is written while the answer is read: a server may refuse a large body
     * before reading it, and close the connection on the rest.
     */
    public Response send(byte[] head, byte[] body, boolean headRequest) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            // a thread of its own, not a shared pool: a write the server does not read blocks until the socket closes
            Thread writing = new Thread(() -> {
                try {
                    out.write(head);
                    out.write(body);
                    out.flush();
                } catch (IOException e) {
                    // the server answered and closed without reading all of it: its answer is what counts
                }
            }, "raw-http-write");
            writing.setDaemon(true);
            writing.start();
            return parse(readAll(socket.getInputStream()), headRequest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new IllegalStateException("no complete answer within the timeout; got: "
                    + new String(received.toByteArray(), StandardCharsets.ISO_8859_1), e);
        } catch (IOException e) {
            // a reset after the answer: keep what arrived
            if (received.size() == 0) {
                throw e;
            }
        }
        return received.toByteArray();
    }

    private static Response parse(byte[] received, boolean headRequest) {
        if (!new String(received, 0, Math.min(5, received.length), StandardCharsets.ISO_8859_1).equals("HTTP/")) {
            return new Response(0, Map.of(), received, true);
        }
        int end = indexOf(received, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) {
            throw new IllegalStateException("no HTTP answer: " + new String(received, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(received, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        byte[] rest = Arrays.copyOfRange(received, end + 4, received.length);
        if (headRequest) {
            return new Response(status, headers, new byte[0], true);
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            return dechunk(status, headers, rest);
        }
        if (headers.containsKey("content-length")) {
            int length = Integer.parseInt(headers.get("content-length"));
            return new Response(status, headers, Arrays.copyOf(rest, Math.min(length, rest.length)),
                    rest.length >= length);
        }
        return new Response(status, headers, rest, true);
    }

    private static Response dechunk(int status, Map<String, String> headers, byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
            if (lineEnd < 0) {
                return new Response(status, headers, body.toByteArray(), false);
            }
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
            if (size == 0) {
                return new Response(status, headers, body.toByteArray(), true);
            }
            int start = lineEnd + 2;
            if (start + size > chunked.length) {
                return new Response(status, headers, body.toByteArray(), false);
            }
            body.write(chunked, start, size);
            at = start + size + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
