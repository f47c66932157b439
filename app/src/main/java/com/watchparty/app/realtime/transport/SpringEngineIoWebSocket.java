package com.watchparty.app.realtime.transport;

import io.socket.engineio.server.EngineIoWebSocket;
import io.socket.engineio.server.utils.ParseQS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.SessionLimitExceededException;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** A Spring {@link WebSocketSession} (already safe for concurrent sends) as Engine.IO's view of a WebSocket. */
final class SpringEngineIoWebSocket extends EngineIoWebSocket {

    private static final Logger log = LoggerFactory.getLogger(SpringEngineIoWebSocket.class);

    private final WebSocketSession session;
    private final Map<String, String> query;
    private final int maxPayloadBytes;

    SpringEngineIoWebSocket(WebSocketSession session, int maxPayloadBytes) {
        this.session = session;
        this.maxPayloadBytes = maxPayloadBytes;
        URI uri = session.getUri();
        String rawQuery = uri == null ? null : uri.getRawQuery();
        this.query = ParseQS.decode(rawQuery == null ? "" : rawQuery); // decoded as the engine decodes polling's
    }

    @Override
    public Map<String, String> getQuery() {
        return query;
    }

    @Override
    public Map<String, List<String>> getConnectionHeaders() {
        return session.getHandshakeHeaders();
    }

    @Override
    public void write(String message) throws IOException {
        // A WebSocket-only client's first frame is the open packet, which OpenPacket completes; others pass as is.
        send(new TextMessage(WellFormedText.of(OpenPacket.withMaxPayload(message, maxPayloadBytes))));
    }

    @Override
    public void write(byte[] message) throws IOException {
        send(new BinaryMessage(message));
    }

    @Override
    public void close() {
        close(CloseStatus.NORMAL);
    }

    /**
     * The engine only expects IOException from a write; anything else would escape into whoever is sending, e.g.
     * abort a broadcast to the whole room because one client is gone or too slow.
     */
    private void send(WebSocketMessage<?> message) throws IOException {
        try {
            session.sendMessage(message);
        } catch (SessionLimitExceededException e) {
            close(e.getStatus()); // the decorator leaves closing the slow client to us
            throw new IOException(e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new IOException("WebSocket session " + session.getId() + " is closed", e);
        } catch (RuntimeException e) {
            // whatever else the container throws is this connection's failure, never the sender's
            close(CloseStatus.SERVER_ERROR);
            throw new IOException("WebSocket session " + session.getId() + " failed to send: " + e.getMessage(), e);
        }
    }

    private void close(CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("closing WebSocket session {} failed", session.getId(), e);
        }
    }
}
