package com.watchparty.realtime.transport;

import io.socket.engineio.server.EngineIoServer;
import jakarta.websocket.Session;
import org.apache.tomcat.websocket.Constants;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/** Engine.IO's WebSocket transport on Spring's WebSocket support: one {@link SpringEngineIoWebSocket} per session. */
final class EngineIoWebSocketHandler extends AbstractWebSocketHandler {

    private static final String CONNECTION = EngineIoWebSocketHandler.class.getName() + ".connection";

    /** Engine.IO's upgrade packet, which a client sends over the WebSocket once it has probed it. */
    private static final String UPGRADE = "5";

    private final EngineIoServer engine;
    private final RealtimeProperties properties;
    private final WebSocketTransports transports;

    EngineIoWebSocketHandler(EngineIoServer engine, RealtimeProperties properties, WebSocketTransports transports) {
        this.engine = engine;
        this.properties = properties;
        this.transports = transports;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        Session container = ((NativeWebSocketSession) session).getNativeSession(Session.class);
        limitBlockingSends(container);
        // Pings, acks and room pushes write from many threads: the frames queue per socket and go out one
        // asynchronous send at a time, and a client that takes too long or lets too much queue up is cut off
        // (rather than skipped: a client that silently missed room events would show a wrong room).
        AsyncFrames frames = new AsyncFrames(container, properties.sendTimeLimit(), properties.sendBufferBytes());
        SpringEngineIoWebSocket connection = new SpringEngineIoWebSocket(session, frames, properties.maxPayloadBytes());
        session.getAttributes().put(CONNECTION, connection);
        engine.handleWebSocket(connection);
        if (!connection.upgrading()) {
            becameTransport(connection);
        }
    }

    /**
     * Messages arrive in parts of the container's small buffers (see {@link SocketIoConfiguration}) and are put
     * together here up to the payload limit: a socket costs its buffers for chat, not for the largest message.
     */
    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        SpringEngineIoWebSocket connection = connection(session);
        String whole = connection.assemble(message.getPayload(), message.isLast());
        String packet = whole == null ? null : NestingScreen.screen(whole);
        if (packet != null) {
            connection.emit("message", packet);
            if (UPGRADE.equals(packet) && connection.upgrading()) {
                becameTransport(connection); // the engine took the upgrade and flushed polling's buffer, or closed
            }
        }
    }

    /** Binary packets (Socket.IO attachments) arrive as a ByteBuffer; the engine wants the bytes. */
    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        SpringEngineIoWebSocket connection = connection(session);
        byte[] whole = connection.assemble(message.getPayload(), message.isLast());
        if (whole != null) {
            connection.emit("message", (Object) whole);
        }
    }

    /** The close that follows tells the engine; an error after this side's own close adds nothing but a race. */
    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        SpringEngineIoWebSocket connection = connection(session);
        if (!connection.closedByServer()) {
            connection.emit("error", "websocket error", String.valueOf(exception.getMessage()));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        SpringEngineIoWebSocket connection = connection(session);
        if (connection.engineSocketId() != null) {
            transports.remove(connection.engineSocketId(), connection);
        }
        connection.emit("close");
    }

    /** From now on the engine writes to its socket only through this WebSocket: room pushes may go straight to it. */
    private void becameTransport(SpringEngineIoWebSocket connection) {
        String engineSocketId = connection.engineSocketId();
        if (engineSocketId == null || !connection.isOpen()) {
            return;
        }
        transports.add(engineSocketId, connection);
        if (!connection.isOpen()) { // closed meanwhile, perhaps before its removal above could find it
            transports.remove(engineSocketId, connection);
        }
    }

    /** The close frame is still a blocking send (20 s by default): a stalled client holds it no longer than a frame. */
    private void limitBlockingSends(Session container) {
        container.getUserProperties().put(Constants.BLOCKING_SEND_TIMEOUT_PROPERTY, properties.sendTimeLimit().toMillis());
    }

    private static SpringEngineIoWebSocket connection(WebSocketSession session) {
        return (SpringEngineIoWebSocket) session.getAttributes().get(CONNECTION);
    }
}
