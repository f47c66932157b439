package com.watchparty.realtime.transport;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * {@code watchparty.realtime.*}: how Socket.IO is served at {@code /socket.io/}. Defaults in {@code application.yml}.
 *
 * @param allowedOrigins  browser origins allowed to connect (comma-separated); empty means same-origin pages and
 *                        clients that send no {@code Origin} (native apps, servers); {@code *} allows every origin
 * @param maxPayloadBytes the largest message a client may send, over WebSocket or in one polling POST
 * @param pingInterval    how often the server pings each client
 * @param pingTimeout     how long it waits for the pong before dropping the client
 * @param sendTimeLimit   how long one send to a WebSocket client may take before the client is dropped
 * @param sendBufferBytes how much may queue for one WebSocket client before it is dropped
 */
@ConfigurationProperties("watchparty.realtime")
public record RealtimeProperties(List<String> allowedOrigins, Integer maxPayloadBytes, Duration pingInterval,
                                 Duration pingTimeout, Duration sendTimeLimit, Integer sendBufferBytes) {

    public RealtimeProperties {
        if (maxPayloadBytes == null || maxPayloadBytes <= 0 || sendBufferBytes == null || sendBufferBytes <= 0) {
            throw new IllegalArgumentException("watchparty.realtime.max-payload-bytes and send-buffer-bytes must be positive");
        }
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    boolean allowsEveryOrigin() {
        return allowedOrigins.contains("*");
    }
}
