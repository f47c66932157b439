package com.watchparty.app;

import com.watchparty.app.support.Api;
import com.watchparty.app.support.Instances;
import com.watchparty.app.support.SocketClient;
import com.watchparty.app.support.TestDatabases;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database, with clients on both. The instances poll the store only every 10 s here, so
 * anything that reaches the other instance sooner was pushed: by the {@code events_appended} notification.
 */
class TwoInstancesTest {

    private static final TestDatabases.Database DATABASE = TestDatabases.create();
    private static final String[] SETTINGS = {"--watchparty.event-store.fetch-delay=10s",
            "--spring.datasource.hikari.maximum-pool-size=8", "--spring.datasource.hikari.minimum-idle=1",
            "--watchparty.realtime.room.chat-burst=100", "--watchparty.realtime.room.chat-per-second=100"};

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private final List<SocketClient> sockets = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() {
        a = Instances.start(DATABASE, SETTINGS);
        b = Instances.start(DATABASE, SETTINGS);
    }

    @AfterAll
    static void stopThem() {
        for (var instance : new ConfigurableApplicationContext[]{a, b}) {
            if (instance != null) {
                instance.close();
            }
        }
        DATABASE.drop();
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(SocketClient::close);
    }

    @Test
    void aMessageSentOnOneInstanceReachesASocketOnTheOtherAtOnce() {
        Api apiA = new Api(Instances.port(a));
        Api.User ann = apiA.user("Ann");
        Api.User ben = apiA.user("Ben");
        UUID party = apiA.ongoingParty(apiA.admin("Ada"), 5, List.of(ann, ben));
        SocketClient annOnA = joined(Instances.port(a), party, ann);
        SocketClient benOnB = joined(Instances.port(b), party, ben);

        List<Long> crossMillis = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            long sent = System.nanoTime();
            annOnA.emit("send_message", new JSONObject().put("partyId", party.toString()).put("content", "m" + i));
            JSONObject received = benOnB.next("new_message");
            crossMillis.add(Duration.ofNanos(System.nanoTime() - sent).toMillis());
            assertThat(received.getString("content")).isEqualTo("m" + i);
            annOnA.next("new_message");
            sleep(60); // each message finds the instances idle, as a poll would
        }

        List<Long> measured = crossMillis.subList(5, crossMillis.size()).stream().sorted().toList(); // after warm-up
        long median = measured.get(measured.size() / 2);
        System.out.printf("cross-instance delivery, send to receipt: median %d ms, max %d ms, all %s%n", median,
                measured.get(measured.size() - 1), crossMillis);
        assertThat(median).as("median of %s", measured).isLessThanOrEqualTo(40);
        assertThat(measured.get(measured.size() - 1)).as("slowest of %s", measured).isLessThan(1000);
    }

    private SocketClient joined(int port, UUID party, Api.User user) {
        SocketClient socket = SocketClient.connect(port, user.token(), "websocket");
        sockets.add(socket);
        JSONObject ack = socket.request("join_party", new JSONObject().put("partyId", party.toString()));
        assertThat(ack.getBoolean("ok")).as(ack.toString()).isTrue();
        return socket;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
