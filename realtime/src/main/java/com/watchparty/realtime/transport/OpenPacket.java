package com.watchparty.realtime.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Adds {@code maxPayload} to Engine.IO v4's open packet ({@code 0{"sid": ..., "pingTimeout": ...}}), which the engine
 * writes without it. Why: a polling client batches what it sends into one POST, and Node's client keeps a batch under
 * the advertised {@code maxPayload}; unadvertised, a burst of messages that are each under the limit arrives as one
 * POST over it, which is refused (413) and costs the client its connection.
 */
final class OpenPacket {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "0{"; // the server sends packet type 0 (open) only as the handshake
    private static final char SEPARATOR = '\u001E'; // between the packets of one polling body

    private OpenPacket() {
    }

    /** The text (a WebSocket frame or polling body) with {@code maxPayload} in its open packet, if it has one first. */
    static String withMaxPayload(String text, int maxPayloadBytes) {
        ObjectNode open = open(text);
        if (open == null || open.has("maxPayload")) {
            return text;
        }
        try {
            return "0" + JSON.writeValueAsString(open.put("maxPayload", maxPayloadBytes)) + text.substring(end(text));
        } catch (JsonProcessingException e) {
            return text; // cannot happen for a tree just read; pass it on as the engine wrote it
        }
    }

    /** The engine socket's id that the open packet at the start of {@code text} gives, if there is one. */
    static String sid(String text) {
        ObjectNode open = open(text);
        return open != null && open.get("sid") != null && open.get("sid").isTextual() ? open.get("sid").asText() : null;
    }

    /** The open packet's JSON, if {@code text} starts with an open packet. */
    private static ObjectNode open(String text) {
        if (!text.startsWith(PREFIX)) {
            return null;
        }
        try {
            return JSON.readTree(text.substring(1, end(text))) instanceof ObjectNode open ? open : null;
        } catch (JsonProcessingException e) {
            return null; // not the JSON we expect
        }
    }

    private static int end(String text) {
        int end = text.indexOf(SEPARATOR);
        return end < 0 ? text.length() : end;
    }

    /**
     * The handshake GET's response, for the engine: the body it writes (with its Content-Length) is held back, and
     * goes out with {@code maxPayload} added when the engine closes the stream, before it completes the request.
     */
    static HttpServletResponse addingMaxPayload(HttpServletResponse response, int maxPayloadBytes) {
        return new HttpServletResponseWrapper(response) {

            private final ByteArrayOutputStream body = new ByteArrayOutputStream();
            private final ServletOutputStream stream = new ServletOutputStream() {

                private boolean closed;

                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    body.write(bytes, offset, length);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("the body is written out when the stream is closed");
                }

                @Override
                public void close() throws IOException {
                    if (closed) {
                        return;
                    }
                    closed = true;
                    byte[] bytes = body.toByteArray();
                    if (bytes.length > 1 && bytes[0] == PREFIX.charAt(0) && bytes[1] == PREFIX.charAt(1)) {
                        bytes = withMaxPayload(new String(bytes, StandardCharsets.UTF_8), maxPayloadBytes)
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    getResponse().setContentLength(bytes.length);
                    try (ServletOutputStream out = getResponse().getOutputStream()) {
                        out.write(bytes);
                    }
                }
            };

            @Override
            public ServletOutputStream getOutputStream() {
                return stream;
            }

            @Override
            public void setContentLength(int length) {
                // set from the rewritten body, on close
            }

            @Override
            public void setContentLengthLong(long length) {
                // set from the rewritten body, on close
            }
        };
    }
}
