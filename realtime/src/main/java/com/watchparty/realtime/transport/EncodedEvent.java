package com.watchparty.realtime.transport;

import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.ReadyState;
import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.parser.IOParser;
import io.socket.socketio.server.parser.Packet;
import io.socket.socketio.server.parser.Parser;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * A Socket.IO event encoded once for many sockets of one namespace. {@link SocketIoSocket#send} validates, scans and
 * serializes the payload again for every socket; a room push sends the same text to all of them, so the text is
 * made once and handed to each socket's Engine.IO connection, as the library itself does after encoding.
 */
public final class EncodedEvent {

    private final String name;
    private final String frame;

    private EncodedEvent(String name, String frame) {
        this.name = name;
        this.frame = frame;
    }

    /** {@code event} with a JSON payload (never binary) on {@code namespace}, e.g. {@code /watch-party}. */
    public static EncodedEvent of(String namespace, String event, JSONObject payload) {
        Packet<JSONArray> packet = new Packet<>(Parser.EVENT, new JSONArray().put(event).put(payload));
        packet.nsp = namespace;
        String[] frame = new String[1];
        new IOParser.Encoder().encode(packet, encoded -> frame[0] = (String) encoded[0]);
        return new EncodedEvent(event, frame[0]);
    }

    /** Sends the event to {@code socket} if it is still connected to the namespace; a socket that left gets nothing. */
    public void sendTo(SocketIoSocket socket) {
        EngineIoSocket connection = socket.getClient().getConnection();
        if (socket.isConnected() && connection.getReadyState() == ReadyState.OPEN) {
            connection.send(new io.socket.engineio.server.parser.Packet<>(
                    io.socket.engineio.server.parser.Packet.MESSAGE, frame));
        }
    }

    /** The Socket.IO packet as the Engine.IO message carries it. */
    String frame() {
        return frame;
    }

    @Override
    public String toString() {
        return name;
    }
}
