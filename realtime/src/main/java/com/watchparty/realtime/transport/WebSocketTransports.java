package com.watchparty.realtime.transport;

import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.ReadyState;
import io.socket.socketio.server.SocketIoSocket;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The WebSockets that are their Engine.IO socket's transport, by the engine socket's id, so that a room push goes
 * straight to the socket's frames. Through the engine it would take the socket's lock, raise two events, copy the
 * packet into a new string and check that string again, for every socket of the room.
 * <p>
 * A socket is here from the moment the engine writes nothing but through its WebSocket: at once for a client that
 * opened with a WebSocket, and for one that upgraded from long-polling once the engine has taken the upgrade and
 * flushed what it had buffered for polling. Until then its pushes go through the engine, which keeps them in order
 * with that buffer.
 */
@Component
public final class WebSocketTransports {

    private final Map<String, SpringEngineIoWebSocket> open = new ConcurrentHashMap<>();

    void add(String engineSocketId, SpringEngineIoWebSocket webSocket) {
        open.put(engineSocketId, webSocket);
    }

    void remove(String engineSocketId, SpringEngineIoWebSocket webSocket) {
        open.remove(engineSocketId, webSocket);
    }

    /**
     * Sends {@code event} to {@code socket} if it is still connected to the namespace; a socket that left gets
     * nothing. A WebSocket that cannot take it is closed, as the engine closes one that fails a write.
     */
    public void send(SocketIoSocket socket, EncodedEvent event) {
        EngineIoSocket connection = socket.getClient().getConnection();
        if (!socket.isConnected() || connection.getReadyState() != ReadyState.OPEN) {
            return;
        }
        SpringEngineIoWebSocket webSocket = open.get(connection.getId());
        if (webSocket == null) {
            event.sendThrough(connection);
            return;
        }
        try {
            webSocket.writeWellFormed(event.message());
        } catch (IOException e) {
            webSocket.emit("error", "write error", e.getMessage());
        }
    }
}
