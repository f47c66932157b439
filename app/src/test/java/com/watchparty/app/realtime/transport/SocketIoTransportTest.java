package com.watchparty.app.realtime.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.watchparty.app.support.NodeScripts;
import com.watchparty.app.support.WatchPartyIntegrationTest;
import com.watchparty.realtime.transport.RealtimeProperties;
import io.socket.client.IO;
import io.socket.client.Manager;
import io.socket.client.Socket;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.Transport;
import io.socket.socketio.server.SocketIoServer;
import io.socket.socketio.server.SocketIoSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Socket.IO at {@code /socket.io/} with a real client: both transports, the upgrade between them, acks, binary
 * attachments, the payload limit on each transport and its advertising in the handshake, and which browser origins
 * may connect.
 */
@Import(SocketIoTransportTest.EchoNamespace.class) // the application's classes are named, so no nested-class lookup
@TestPropertySource(properties = {"watchparty.realtime.allowed-origins=" + SocketIoTransportTest.ALLOWED_ORIGIN,
        // quick pings: a client that misses a server's close (see below) notices within seconds
        "watchparty.realtime.ping-interval=1s", "watchparty.realtime.ping-timeout=2s"})
class SocketIoTransportTest extends WatchPartyIntegrationTest {

    static final String ALLOWED_ORIGIN = "http://allowed.example";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An {@code /echo} namespace for the test: acks an "echo" with its arguments and also emits them as "echoed". */
    @TestConfiguration
    static class EchoNamespace {

        /** The transports Engine.IO clients upgraded to, as the server saw it. */
        final Queue<String> upgrades = new ConcurrentLinkedQueue<>();
        /** Why the server disconnected each socket, by socket id. */
        final Map<String, String> disconnects = new ConcurrentHashMap<>();

        EchoNamespace(SocketIoServer socketIo, EngineIoServer engineIo) {
            engineIo.on("connection", args -> ((EngineIoSocket) args[0])
                    .on("upgrade", upgraded -> upgrades.add(((Transport) upgraded[0]).getName())));
            socketIo.namespace("/echo").on("connection", args -> {
                SocketIoSocket socket = (SocketIoSocket) args[0];
                socket.on("disconnect", reason -> disconnects.put(socket.getId(), String.valueOf(reason[0])));
                socket.on("echo", received -> {
                    Object last = received[received.length - 1];
                    if (last instanceof SocketIoSocket.ReceivedByLocalAcknowledgementCallback ack) {
                        Object[] payload = Arrays.copyOf(received, received.length - 1);
                        socket.send("echoed", payload);
                        ack.sendAcknowledgement(payload);
                    }
                });
            });
        }
    }

    /** A Socket.IO client on {@code /echo} and what it saw. */
    private record Client(Socket socket, List<String> transports, BlockingQueue<Object[]> echoed,
                          CompletableFuture<String> disconnected) {

        Object[] echo(Object... args) {
            CompletableFuture<Object[]> ack = new CompletableFuture<>();
            socket.emit("echo", args, ack::complete);
            return ack.orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        }

        Object[] nextEchoed() throws InterruptedException {
            Object[] args = echoed.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(args).as("an 'echoed' event").isNotNull();
            return args;
        }
    }

    @Autowired
    EchoNamespace echoNamespace;

    @Autowired
    RealtimeProperties properties;

    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // HTTP/2 would first ask for "Upgrade: h2c", which is no poll
            .connectTimeout(WAIT).build();

    @AfterEach
    void closeClients() {
        sockets.forEach(Socket::close);
    }

    @Test
    void theDefaultTransportsStartWithPollingThenUpgradeToWebSocket() throws Exception {
        echoNamespace.upgrades.clear();

        Client client = connect();

        await().atMost(WAIT).until(() -> echoNamespace.upgrades.contains("websocket"));
        assertThat(client.transports()).containsExactly("polling", "websocket");
        assertThat(client.echo("hello", 42)).containsExactly("hello", 42);
        assertThat(client.nextEchoed()).containsExactly("hello", 42);
    }

    @Test
    void aWebSocketOnlyClientConnectsAndExchangesTextAndBinary() throws Exception {
        Client client = connect("websocket");

        assertThat(client.transports()).containsExactly("websocket");
        assertThat(client.echo("hello")).containsExactly("hello");
        assertThat(client.nextEchoed()).containsExactly("hello");
        // A binary attachment travels as a binary WebSocket frame, both ways.
        byte[] bytes = {0, 1, 2, (byte) 0xff};
        assertThat(client.echo("bytes", bytes)).containsExactly("bytes", bytes);
    }

    @Test
    void overWebSocketAMessageUnderTheLimitRoundTripsAndOneOverItClosesTheConnection() throws Exception {
        Client client = connect("websocket");
        String tenKib = "a".repeat(10 * 1024);
        String fortyKib = "b".repeat(40 * 1024);

        assertThat(client.echo(tenKib)).containsExactly(tenKib);
        assertThat(client.nextEchoed()).containsExactly(tenKib);

        CompletableFuture<Object[]> ack = new CompletableFuture<>();
        client.socket().emit("echo", new Object[]{fortyKib}, ack::complete);

        // Tomcat closes the WebSocket (1009, too big) instead of passing the message on: no ack, no echo.
        String id = client.socket().id();
        await().atMost(WAIT).until(() -> echoNamespace.disconnects.containsKey(id));
        assertThat(echoNamespace.disconnects.get(id)).isEqualTo("transport close");
        // This Java client never answers the close frame, so it notices only when the pings stop (a browser or
        // Node client sees the close at once).
        assertThat(client.disconnected().get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("ping timeout");
        assertThat(ack).isNotDone();
        assertThat(client.echoed()).isEmpty();
    }

    @Test
    void overPollingAMessageUnderTheLimitRoundTripsAndOneOverItClosesTheConnection() throws Exception {
        Client client = connect("polling");
        String tenKib = "a".repeat(10 * 1024);
        String fortyKib = "b".repeat(40 * 1024);

        assertThat(client.echo(tenKib)).containsExactly(tenKib);
        assertThat(client.nextEchoed()).containsExactly(tenKib);

        CompletableFuture<Object[]> ack = new CompletableFuture<>();
        client.socket().emit("echo", new Object[]{fortyKib}, ack::complete);

        // The POST is answered 413, which the client takes as a broken transport.
        assertThat(client.disconnected().get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("transport error");
        assertThat(ack).isNotDone();
        assertThat(client.echoed()).isEmpty();
    }

    @Test
    void aPollingPostOverTheLimitIsAnswered413BeforeTheEngineSeesIt() throws Exception {
        JsonNode handshake = handshake();
        assertThat(handshake.path("pingInterval").asLong()).isEqualTo(properties.pingInterval().toMillis());
        assertThat(handshake.path("pingTimeout").asLong()).isEqualTo(properties.pingTimeout().toMillis());
        assertThat(handshake.path("upgrades").toString()).isEqualTo("[\"websocket\"]");
        String session = "/socket.io/?EIO=4&transport=polling&sid=" + handshake.path("sid").asText();
        int limit = properties.maxPayloadBytes();

        assertThat(post(session, "40/echo,").body()).isEqualTo("ok");
        assertThat(get(session).body()).startsWith("40/echo,{\"sid\":");

        assertThat(post(session, "4" + "x".repeat(limit)).statusCode()).isEqualTo(413);
        HttpResponse<String> chunked = send(request(session).POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(("4" + "x".repeat(40 * 1024)).getBytes()))));
        assertThat(chunked.statusCode()).as("a body without Content-Length").isEqualTo(413);

        // A body of exactly the limit still reaches the engine, and the session survived the refusals.
        String prefix = "42/echo,1[\"echo\",\"";
        String suffix = "\"]";
        String text = "y".repeat(limit - prefix.length() - suffix.length());
        HttpResponse<String> atTheLimit = post(session, prefix + text + suffix);
        assertThat(atTheLimit.statusCode()).isEqualTo(200);
        assertThat(get(session).body()).contains("42/echo,[\"echoed\",\"" + text + "\"]", "43/echo,1[\"" + text + "\"]");
    }

    @Test
    void theOpenPacketAdvertisesTheMaxPayloadOnBothTransports() throws Exception {
        int limit = properties.maxPayloadBytes();

        HttpResponse<String> polling = get("/socket.io/?EIO=4&transport=polling");
        assertThat(polling.statusCode()).isEqualTo(200);
        assertThat(polling.headers().firstValueAsLong("Content-Length"))
                .hasValue(polling.body().getBytes(StandardCharsets.UTF_8).length);
        assertThat(polling.body()).startsWith("0{");
        JsonNode pollingOpen = JSON.readTree(polling.body().substring(1));
        assertThat(pollingOpen.path("maxPayload").asInt()).isEqualTo(limit);
        assertThat(pollingOpen.path("sid").asText()).isNotEmpty();
        assertThat(pollingOpen.path("pingTimeout").asLong()).isEqualTo(properties.pingTimeout().toMillis());

        String webSocket = openWebSocket(null);
        assertThat(webSocket).startsWith("0{");
        JsonNode webSocketOpen = JSON.readTree(webSocket.substring(1));
        assertThat(webSocketOpen.path("maxPayload").asInt()).isEqualTo(limit);
        assertThat(webSocketOpen.path("upgrades").toString()).isEqualTo("[]");
    }

    /**
     * Node's client keeps each polling POST under the advertised maxPayload, so a burst of messages that are each
     * under the limit, but together over it, is not refused (413). The Java client here ignores maxPayload.
     */
    @Test
    void aPollingNodeClientSplitsABurstByTheAdvertisedMaxPayloadAndStaysConnected() throws Exception {
        assertThat(3 * 7 * 1024).isGreaterThan(properties.maxPayloadBytes());
        NodeScripts.Report run = NodeScripts.run("polling-burst.mjs", "http://localhost:" + port + "/echo", "3");

        JsonNode report = run.json();
        assertThat(report.path("ok").asBoolean()).as(run.output()).isTrue();
        assertThat(report.path("acks").asInt()).isEqualTo(3);
        assertThat(report.path("maxPayload").asInt()).isEqualTo(properties.maxPayloadBytes());
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void onlyConfiguredOriginsGetCorsAndWebSockets() throws Exception {
        assertThat(properties.allowedOrigins()).containsExactly(ALLOWED_ORIGIN);

        HttpResponse<String> allowed = send(request("/socket.io/?EIO=4&transport=polling").header("Origin", ALLOWED_ORIGIN).GET());
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(ALLOWED_ORIGIN);
        HttpResponse<String> foreign = send(request("/socket.io/?EIO=4&transport=polling").header("Origin", "http://evil.example").GET());
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        assertThat(openWebSocket(ALLOWED_ORIGIN)).startsWith("0{\"sid\":");
        assertThat(openWebSocket(null)).as("a client without Origin, like an app").startsWith("0{\"sid\":");
        assertThatThrownBy(() -> openWebSocket("http://evil.example"))
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(403));
    }

    // --- Socket.IO client -----------------------------------------------------------------------------------

    private Client connect(String... transports) {
        IO.Options options = IO.Options.builder()
                .setForceNew(true)
                .setReconnection(false)
                .setTransports(transports.length == 0 ? null : transports)
                .build();
        Socket socket = IO.socket(URI.create("http://localhost:" + port + "/echo"), options);
        sockets.add(socket);
        Client client = new Client(socket, new CopyOnWriteArrayList<>(), new LinkedBlockingQueue<>(),
                new CompletableFuture<>());
        socket.io().on(Manager.EVENT_TRANSPORT,
                args -> client.transports().add(((io.socket.engineio.client.Transport) args[0]).name));
        socket.on("echoed", client.echoed()::add);
        socket.on(Socket.EVENT_DISCONNECT, args -> client.disconnected().complete(String.valueOf(args[0])));
        CompletableFuture<Void> connected = new CompletableFuture<>();
        socket.once(Socket.EVENT_CONNECT, args -> connected.complete(null));
        socket.once(Socket.EVENT_CONNECT_ERROR, args -> connected.completeExceptionally(
                new IllegalStateException("connect_error: " + Arrays.toString(args))));
        socket.connect();
        connected.orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        return client;
    }

    // --- raw Engine.IO over HTTP and WebSocket ----------------------------------------------------------------

    private JsonNode handshake() throws Exception {
        HttpResponse<String> response = get("/socket.io/?EIO=4&transport=polling");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("0{");
        return JSON.readTree(response.body().substring(1));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(WAIT)
                .header("Content-Type", "text/plain;charset=UTF-8");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens a raw Engine.IO WebSocket and answers its first message, the open packet. */
    private String openWebSocket(String origin) {
        CompletableFuture<String> firstMessage = new CompletableFuture<>();
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(WAIT);
        if (origin != null) {
            builder.header("Origin", origin);
        }
        WebSocket webSocket = builder.buildAsync(
                URI.create("ws://localhost:" + port + "/socket.io/?EIO=4&transport=websocket"),
                new WebSocket.Listener() {
                    @Override
                    public CompletableFuture<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        firstMessage.complete(data.toString());
                        return null;
                    }
                }).orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        try {
            return firstMessage.orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        } finally {
            webSocket.abort();
        }
    }
}
