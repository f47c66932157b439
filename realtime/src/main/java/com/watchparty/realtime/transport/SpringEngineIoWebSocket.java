package com.watchparty.realtime.transport;

import io.socket.engineio.server.EngineIoWebSocket;
import io.socket.engineio.server.utils.ParseQS;
import jakarta.websocket.CloseReason;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/** A Spring {@link WebSocketSession} as Engine.IO's view of a WebSocket; frames go out through {@link AsyncFrames}. */
final class SpringEngineIoWebSocket extends EngineIoWebSocket {

    private final WebSocketSession session;
    private final AsyncFrames frames;
    private final Map<String, String> query;
    private final int maxPayloadBytes;

    SpringEngineIoWebSocket(WebSocketSession session, AsyncFrames frames, int maxPayloadBytes) {
        this.session = session;
        this.frames = frames;
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
        frames.send(WellFormedText.of(OpenPacket.withMaxPayload(message, maxPayloadBytes)));
    }

    @Override
    public void write(byte[] message) throws IOException {
        frames.send(ByteBuffer.wrap(message));
    }

    /** The engine closes from whichever thread noticed, perhaps one serving a whole room: never wait for the client. */
    @Override
    public void close() {
        frames.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, null));
    }
}
