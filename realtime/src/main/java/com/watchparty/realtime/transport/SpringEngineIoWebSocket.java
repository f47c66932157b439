package com.watchparty.realtime.transport;

import io.socket.engineio.server.EngineIoWebSocket;
import io.socket.engineio.server.utils.ParseQS;
import jakarta.websocket.CloseReason;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
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
    /** The engine socket's id: the upgraded socket's, or the one the engine gives in its open packet. */
    private volatile String engineSocketId;
    /** The parts of the message being received, if it came in more than one. */
    private StringBuilder textParts;
    private ByteArrayOutputStream binaryParts;

    SpringEngineIoWebSocket(WebSocketSession session, AsyncFrames frames, int maxPayloadBytes) {
        this.session = session;
        this.frames = frames;
        this.maxPayloadBytes = maxPayloadBytes;
        URI uri = session.getUri();
        String rawQuery = uri == null ? null : uri.getRawQuery();
        this.query = ParseQS.decode(rawQuery == null ? "" : rawQuery); // decoded as the engine decodes polling's
        this.engineSocketId = query.get("sid");
    }

    /** Whether this WebSocket comes to upgrade a long-polling socket (rather than to open one of its own). */
    boolean upgrading() {
        return query.containsKey("sid");
    }

    /** The id of the engine socket this WebSocket carries, once known. */
    String engineSocketId() {
        return engineSocketId;
    }

    /** Whether frames may still be sent: neither side has begun to close. */
    boolean isOpen() {
        return session.isOpen() && !closedByServer();
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
        if (engineSocketId == null) {
            engineSocketId = OpenPacket.sid(message);
        }
        frames.send(WellFormedText.of(OpenPacket.withMaxPayload(message, maxPayloadBytes)));
    }

    /** Sends an Engine.IO message that is already well formed and is not an open packet. */
    void writeWellFormed(String message) throws IOException {
        frames.send(message);
    }

    @Override
    public void write(byte[] message) throws IOException {
        frames.send(ByteBuffer.wrap(message));
    }

    /**
     * @return the whole text message once its last part is in, else null; a message over the payload limit closes
     *         the connection (1009), as the container would have
     */
    String assemble(String part, boolean last) {
        if (last && textParts == null) {
            return part;
        }
        textParts = textParts == null ? new StringBuilder(part.length() * 2) : textParts;
        if (textParts.length() + part.length() > maxPayloadBytes) {
            textParts = null;
            tooBig();
            return null;
        }
        textParts.append(part);
        if (!last) {
            return null;
        }
        String whole = textParts.toString();
        textParts = null;
        return whole;
    }

    /** @return the whole binary message once its last part is in, else null; see {@link #assemble(String, boolean)} */
    byte[] assemble(ByteBuffer part, boolean last) {
        binaryParts = binaryParts == null ? new ByteArrayOutputStream(part.remaining()) : binaryParts;
        if (binaryParts.size() + part.remaining() > maxPayloadBytes) {
            binaryParts = null;
            tooBig();
            return null;
        }
        byte[] bytes = new byte[part.remaining()];
        part.get(bytes);
        binaryParts.writeBytes(bytes);
        if (!last) {
            return null;
        }
        byte[] whole = binaryParts.toByteArray();
        binaryParts = null;
        return whole;
    }

    private void tooBig() {
        frames.close(new CloseReason(CloseReason.CloseCodes.TOO_BIG,
                "a message has at most " + maxPayloadBytes + " bytes"));
    }

    /**
     * Whether this side has begun to close: a read or write error after that (a client still sending the parts of a
     * message found too big, say) is an echo of the close, not a new failure.
     */
    boolean closedByServer() {
        return frames.closing();
    }

    /** The engine closes from whichever thread noticed, perhaps one serving a whole room: never wait for the client. */
    @Override
    public void close() {
        frames.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, null));
    }
}
