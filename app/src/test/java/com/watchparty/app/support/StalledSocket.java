package com.watchparty.app.support;

import org.json.JSONObject;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * A Socket.IO client that joins a party and then stops reading, as a phone in a tunnel does: a WebSocket over a bare
 * TCP socket with a tiny receive buffer, so the server's writes to it stall after a few kilobytes.
 */
public final class StalledSocket implements AutoCloseable {

    private static final String NAMESPACE = "/watch-party";

    private final Socket socket = new Socket();
    private final DataInputStream in;
    private final OutputStream out;

    private StalledSocket(int port) throws IOException {
        socket.setReceiveBufferSize(1024);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout((int) SocketClient.WAIT.toMillis());
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        out.write(("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(nonce) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String status = readHttpHead();
        if (!status.startsWith("HTTP/1.1 101")) {
            throw new IOException("no WebSocket upgrade: " + status);
        }
    }

    /** Connects with the token, joins the party and from then on reads nothing. */
    public static StalledSocket joined(int port, String token, String partyId) throws IOException {
        StalledSocket stalled = new StalledSocket(port);
        stalled.until("0");
        stalled.sendText("40" + NAMESPACE + "," + new JSONObject().put("token", token));
        stalled.until("40" + NAMESPACE);
        stalled.sendText("42" + NAMESPACE + ",1[\"join_party\"," + new JSONObject().put("partyId", partyId) + "]");
        stalled.until("43" + NAMESPACE + ",1");
        return stalled;
    }

    /**
     * Reads again, everything the server sent, until it closes the WebSocket.
     *
     * @return the close frame's code and reason, e.g. {@code 1008 too slow…}, or {@code EOF} if the connection ended
     *         without one (the server gave up sending the close frame to a client that took nothing)
     */
    public String drainUntilClosed(Duration within) throws IOException {
        socket.setSoTimeout((int) within.toMillis());
        try {
            while (true) {
                int opcode = in.readUnsignedByte() & 0x0F;
                byte[] payload = readPayload();
                if (opcode == 0x8) {
                    int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 0;
                    return code + " " + new String(payload, Math.min(2, payload.length),
                            Math.max(0, payload.length - 2), StandardCharsets.UTF_8);
                }
            }
        } catch (EOFException | SocketException ended) {
            return "EOF"; // cut off, even mid-frame: what was still buffered for it was dropped with it
        }
    }

    private void until(String prefix) throws IOException {
        while (true) {
            int opcode = in.readUnsignedByte() & 0x0F;
            String text = new String(readPayload(), StandardCharsets.UTF_8);
            if (opcode == 0x1 && text.equals("2")) {
                sendText("3");
            } else if (opcode == 0x1 && text.startsWith(prefix)) {
                return;
            } else if (opcode == 0x8) {
                throw new IOException("closed while waiting for " + prefix);
            }
        }
    }

    private byte[] readPayload() throws IOException {
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return payload;
    }

    /** A masked text frame, as every client frame must be. */
    private void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xFF);
        }
        byte[] mask = new byte[4];
        new SecureRandom().nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    private String readHttpHead() throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.readUnsignedByte());
        }
        return head.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
