package com.watchparty.app.support;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.json.JSONObject;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real Socket.IO client on the {@code /watch-party} namespace that records what the server sends it. */
public final class SocketClient implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);
    /**
     * The clients' HTTP client, as the library's default (a minute's read timeout for long polls) but with no cap of
     * five requests per host: each open polling socket holds one, so a few sockets left hanging by one test (say by a
     * server that failed their upgrade) would otherwise queue every later test's connect until it timed out.
     */
    private static final OkHttpClient HTTP = http();
    private static final List<String> EVENTS = List.of("user_joined", "user_left", "new_message", "sync_player",
            "participant_list", "party_status", "auth_error", "replay_events", "kicked",
            "message_deleted", "room_settings", "reactions");

    private final Socket socket;
    private final Map<String, BlockingQueue<JSONObject>> received = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> disconnected = new CompletableFuture<>();

    private SocketClient(Socket socket) {
        this.socket = socket;
        for (String event : EVENTS) {
            received.put(event, new LinkedBlockingQueue<>());
            socket.on(event, args -> {
                order.add(event);
                received.get(event).add((JSONObject) args[0]);
            });
        }
        socket.on(Socket.EVENT_DISCONNECT, args -> disconnected.complete(String.valueOf(args.length > 0 ? args[0] : "")));
    }

    /**
     * Connects with the token in the handshake's {@code auth}, over the given transports (default: polling, then
     * upgrade). A first connect that fails in the polling transport is tried once more, as the seed's client (which
     * reconnects) would: under load the Java client can send one last poll after its own upgrade, which the server,
     * like Node's, refuses with 400.
     */
    public static SocketClient connect(int port, String token, String... transports) {
        try {
            return connectOnce(port, token, transports);
        } catch (CompletionException e) {
            if (transports.length > 0 || !String.valueOf(e.getCause() == null ? null : e.getCause().getCause())
                    .contains("xhr poll error")) {
                throw e;
            }
            return connectOnce(port, token, transports);
        }
    }

    private static SocketClient connectOnce(int port, String token, String... transports) {
        IO.Options options = IO.Options.builder()
                // Each client is its own tab: the library otherwise caches one Manager per host and hands the next
                // test's socket the one a closing client is still tearing down.
                .setForceNew(true)
                .setAuth(token == null ? Map.of() : Map.of("token", token))
                .setReconnection(false)
                .setTransports(transports.length == 0 ? null : transports)
                .build();
        options.callFactory = HTTP;
        options.webSocketFactory = HTTP;
        SocketClient client = new SocketClient(IO.socket(URI.create("http://localhost:" + port + "/watch-party"), options));
        CompletableFuture<Void> connected = new CompletableFuture<>();
        client.socket.once(Socket.EVENT_CONNECT, args -> connected.complete(null));
        client.socket.once(Socket.EVENT_CONNECT_ERROR, args -> connected.completeExceptionally(
                new IllegalStateException("connect_error", args.length > 0 && args[0] instanceof Throwable cause ? cause
                        : new IllegalStateException(args.length > 0 ? String.valueOf(args[0]) : ""))));
        client.socket.connect();
        try {
            connected.orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return client;
    }

    /** Emits an event and waits for its ack. */
    public JSONObject request(String event, JSONObject payload) {
        CompletableFuture<JSONObject> ack = new CompletableFuture<>();
        socket.emit(event, new Object[]{payload}, (Ack) args -> ack.complete((JSONObject) args[0]));
        return ack.orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    public void emit(String event, Object payload) {
        socket.emit(event, payload);
    }

    /** The next payload of {@code event}, waiting for it. */
    public JSONObject next(String event) {
        try {
            JSONObject payload = received.get(event).poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (payload == null) {
                throw new AssertionError("no " + event + " within " + WAIT);
            }
            return payload;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next payload of {@code event}, or null if none comes within {@code wait}. */
    public JSONObject nextWithin(String event, Duration wait) {
        try {
            return received.get(event).poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every server event received so far, by name, in arrival order. */
    public List<String> order() {
        return List.copyOf(order);
    }

    public void clear() {
        received.values().forEach(BlockingQueue::clear);
        order.clear();
    }

    public String awaitDisconnect() {
        return disconnected.orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    public boolean connected() {
        return socket.connected();
    }

    @Override
    public void close() {
        socket.disconnect();
        socket.close();
    }

    private static OkHttpClient http() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(Integer.MAX_VALUE);
        dispatcher.setMaxRequestsPerHost(Integer.MAX_VALUE);
        return new OkHttpClient.Builder().dispatcher(dispatcher).readTimeout(1, TimeUnit.MINUTES).build();
    }
}
