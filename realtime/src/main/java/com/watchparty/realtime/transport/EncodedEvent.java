package com.watchparty.realtime.transport;

import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.parser.ParserV4;
import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.parser.IOParser;
import io.socket.socketio.server.parser.Packet;
import io.socket.socketio.server.parser.Parser;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * A Socket.IO event encoded once for many sockets of one namespace. {@link SocketIoSocket#send} validates, scans and
 * serializes the payload again for every socket; a room push sends the same text to all of them, so the text is
 * made once, as an Engine.IO message as well (see {@link WebSocketTransports}), and made well formed once.
 */
public final class EncodedEvent {

    /** Engine.IO's parsers (v3 and v4) write a text message alike: its type, then the text. */
    private static final ParserV4 ENGINE_PARSER = new ParserV4();

    private final String name;
    private final String frame;
    private final String message;

    private EncodedEvent(String name, String frame) {
        this.name = name;
        this.frame = frame;
        String[] message = new String[1];
        ENGINE_PARSER.encodePacket(engineMessage(frame), true, encoded -> message[0] = (String) encoded);
        this.message = WellFormedText.of(message[0]);
    }

    /** {@code event} with a JSON payload (never binary) on {@code namespace}, e.g. {@code /watch-party}. */
    public static EncodedEvent of(String namespace, String event, JSONObject payload) {
        Packet<JSONArray> packet = new Packet<>(Parser.EVENT, new JSONArray().put(event).put(payload));
        packet.nsp = namespace;
        String[] frame = new String[1];
        new IOParser.Encoder().encode(packet, encoded -> frame[0] = (String) encoded[0]);
        return new EncodedEvent(event, frame[0]);
    }

    /** Hands the event to the engine, for a socket whose transport is long-polling or being upgraded. */
    void sendThrough(EngineIoSocket connection) {
        connection.send(engineMessage(frame));
    }

    private static io.socket.engineio.server.parser.Packet<String> engineMessage(String frame) {
        return new io.socket.engineio.server.parser.Packet<>(io.socket.engineio.server.parser.Packet.MESSAGE, frame);
    }

    /** The Socket.IO packet as the Engine.IO message carries it. */
    String frame() {
        return frame;
    }

    /** The Engine.IO message, as a WebSocket frame carries it: well formed, ready to be sent as it is. */
    String message() {
        return message;
    }

    @Override
    public String toString() {
        return name;
    }
}
