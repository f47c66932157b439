package com.watchparty.app.realtime;

import com.watchparty.app.support.Api;
import com.watchparty.app.support.SocketClient;
import com.watchparty.app.support.StalledSocket;
import com.watchparty.app.support.WatchPartyIntegrationTest;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that stops reading must cost the room nothing: it is dropped once it falls too far behind, and meanwhile
 * everyone else gets each message as fast as before. Flood control is lifted so one person can send a burst.
 */
@DirtiesContext // a context of its own settings, used once: its connections go back at once
@Import(SlowConsumerTest.SmallSocketSendBuffers.class) // the test names its classes, so nested ones are not found
@TestPropertySource(properties = {"watchparty.realtime.room.chat-burst=100000",
        "watchparty.realtime.room.chat-per-second=100000", "watchparty.realtime.send-time-limit=2s"})
class SlowConsumerTest extends WatchPartyIntegrationTest {

    private static final int RECEIVERS = 6;
    /** The {@code send-time-limit} set above. */
    private static final Duration SEND_TIME_LIMIT = Duration.ofSeconds(2);
    private static final int MESSAGES = 300;

    /**
     * The kernel would otherwise absorb megabytes for the stalled client before the service notices anything: its
     * send buffers autotune up to several MB on loopback. Small fixed ones make the stall show after a few frames.
     */
    @TestConfiguration
    static class SmallSocketSendBuffers {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallSendBuffers() {
            return factory -> factory.addConnectorCustomizers(connector ->
                    connector.setProperty("socket.txBufSize", "4096"));
        }
    }

    final List<AutoCloseable> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() throws Exception {
        for (AutoCloseable socket : sockets) {
            socket.close();
        }
    }

    @Test
    void aClientThatStopsReadingIsDroppedWithoutDelayingTheOthers() throws Exception {
        UUID ticket = api.ticket(admin, "5.00", false);
        UUID party = api.scheduleParty(admin, api.movie(admin, 3600), Instant.now().plusMillis(1500),
                Instant.now().plusSeconds(3600), RECEIVERS + 2).id();
        List<Api.User> people = new ArrayList<>();
        for (int i = 0; i < RECEIVERS + 2; i++) {
            Api.User user = api.user("Guest " + i);
            assertThat(api.post("/watch-parties/" + party + "/purchase", user,
                    Map.of("ticket_id", ticket.toString())).status()).isEqualTo(201);
            people.add(user);
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/watch-parties/" + party, null).text("status").equals("ongoing"));
        JSONObject join = new JSONObject().put("partyId", party.toString());
        StalledSocket stalled = StalledSocket.joined(port, people.get(0).token(), party.toString());
        sockets.add(stalled);
        List<SocketClient> receivers = new ArrayList<>();
        for (Api.User user : people.subList(1, RECEIVERS + 1)) {
            receivers.add(joined(user, join));
        }
        SocketClient sender = joined(people.get(RECEIVERS + 1), join);

        long worstNanos = 0;
        String padding = "x".repeat(480);
        for (int i = 0; i < MESSAGES; i++) {
            long sent = System.nanoTime();
            assertThat(sender.request("send_message", new JSONObject(join.toMap()).put("content", i + " " + padding))
                    .getBoolean("ok")).isTrue();
            for (SocketClient receiver : receivers) {
                while (!receiver.next("new_message").getString("content").startsWith(i + " ")) {
                    // earlier lines (the room's recent messages on joining)
                }
                worstNanos = Math.max(worstNanos, System.nanoTime() - sent);
            }
        }

        assertThat(Duration.ofNanos(worstNanos)).as("the slowest delivery to a reading client")
                .isLessThan(Duration.ofSeconds(1));
        // the service finds the client stalled when a frame for it comes after the send time limit: the room goes
        // on chatting, as a room does, however fast the burst above went, and the client goes on reading nothing
        // until then (were it to read sooner, it would have caught up in time, and be no longer too slow)
        ScheduledExecutorService room = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger later = new AtomicInteger();
        room.scheduleWithFixedDelay(() -> sender.request("send_message",
                new JSONObject(join.toMap()).put("content", "later " + later.incrementAndGet())), 250, 250,
                TimeUnit.MILLISECONDS);
        try {
            Thread.sleep(SEND_TIME_LIMIT.plusSeconds(1).toMillis());
            assertThat(stalled.drainUntilClosed(Duration.ofSeconds(10))).matches("1008 too slow.*|EOF");
        } finally {
            room.shutdownNow();
        }
        assertThat(receivers).allMatch(SocketClient::connected);
    }

    private SocketClient joined(Api.User user, JSONObject join) {
        SocketClient client = SocketClient.connect(port, user.token(), "websocket");
        sockets.add(client);
        assertThat(client.request("join_party", join).getBoolean("ok")).isTrue();
        return client;
    }
}
