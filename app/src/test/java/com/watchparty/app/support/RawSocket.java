package com.watchparty.app.support;

import org.json.JSONArray;
import org.json.JSONObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Socket.IO client written by hand over a plain WebSocket, so a test can send exactly the frames a hostile client
 * would (nested thousands deep, events with any name, payloads of any type) and read the acks that come back.
 */
public final class RawSocket implements AutoCloseable {

    private static final String NAMESPACE = "/watch-party";

    private final WebSocket socket;
    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();
    /** The latest payload of each server event, whether or not {@link #expect} skipped its frame. */
    private final Map<String, JSONObject> latest = new ConcurrentHashMap<>();
    private int nextAck = 1;

    private RawSocket(int port) {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/socket.io/?EIO=4&transport=websocket"),
                        new WebSocket.Listener() {
                            private final StringBuilder partial = new StringBuilder();

                            @Override
                            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                partial.append(data);
                                received.addAndGet(data.length());
                                if (last) {
                                    String frame = partial.toString();
                                    partial.setLength(0);
                                    if (frame.equals("2")) {
                                        CompletableFuture.runAsync(() -> send("3")); // Engine.IO ping → pong
                                    } else {
                                        remember(frame);
                                        frames.add(frame);
                                    }
                                }
                                ws.request(1);
                                return null;
                            }

                            @Override
                            public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                                closed.complete(status);
                                return null;
                            }

                            @Override
                            public void onError(WebSocket ws, Throwable error) {
                                closed.complete(-1);
                            }
                        })
                .join();
    }

    /** Opens the Engine.IO connection and connects to {@code /watch-party} with the token. */
    public static RawSocket connect(int port, String token) {
        RawSocket raw = new RawSocket(port);
        raw.expect("0");
        raw.send("40" + NAMESPACE + "," + new JSONObject().put("token", token));
        raw.expect("40" + NAMESPACE);
        return raw;
    }

    /** Sends an event whose arguments are {@code argumentsJson} (the text after the name) and waits for its ack. */
    public JSONArray request(String event, String argumentsJson) {
        int id = nextAck++;
        sendRaw(eventFrame(event, argumentsJson, id));
        String ackPrefix = "43" + NAMESPACE + "," + id;
        return new JSONArray(expect(ackPrefix).substring(ackPrefix.length()));
    }

    /** The frame {@link #request} sends, as it goes on the wire: its length in bytes is what the server limits. */
    public static String eventFrame(String event, String argumentsJson, int ackId) {
        String arguments = argumentsJson.isEmpty() ? "" : "," + argumentsJson;
        return escapeSurrogates("42" + NAMESPACE + "," + ackId + "[" + JSONObject.quote(event) + arguments + "]");
    }

    /** The close code the server ended the connection with, waiting for it. */
    public int awaitClose() {
        return closed.orTimeout(SocketClient.WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** Sends an Engine.IO packet as it is. */
    public void sendRaw(String frame) {
        send(frame);
    }

    /** The next frame starting with {@code prefix}, skipping others (room pushes); fails after a while. */
    public String expect(String prefix) {
        long deadline = System.nanoTime() + SocketClient.WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                String frame = frames.poll(100, TimeUnit.MILLISECONDS);
                if (frame != null && frame.startsWith(prefix)) {
                    return frame;
                }
                if (frame == null && closed.isDone()) {
                    throw new AssertionError("the connection closed (" + closed.join() + ") waiting for " + prefix);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no frame starting with " + prefix + " within " + SocketClient.WAIT);
    }

    /** The latest payload of the server event {@code event} this socket received, if any. */
    public Optional<JSONObject> latest(String event) {
        return Optional.ofNullable(latest.get(event));
    }

    private void remember(String frame) {
        String eventPrefix = "42" + NAMESPACE + ",";
        if (frame.startsWith(eventPrefix)) {
            JSONArray event = new JSONArray(frame.substring(eventPrefix.length()));
            if (event.length() > 1 && event.opt(1) instanceof JSONObject payload) {
                latest.put(event.getString(0), payload);
            }
        }
    }

    /** Characters received so far, over every frame: what the server sent this socket. */
    public long received() {
        return received.get();
    }

    public boolean isOpen() {
        return !closed.isDone();
    }

    /**
     * Every UTF-16 surrogate goes out as a JSON escape, so a test can send lone surrogates inside its strings: as raw
     * characters they have no UTF-8 form and no WebSocket client could send them.
     */
    private synchronized void send(String frame) {
        socket.sendText(escapeSurrogates(frame), true).orTimeout(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS).join();
    }

    private static String escapeSurrogates(String frame) {
        StringBuilder escaped = new StringBuilder(frame.length());
        frame.chars().forEach(c -> escaped.append(Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return escaped.toString();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
