package com.watchparty.app;

import com.watchparty.api.presence.LeavePartyCommand;
import com.watchparty.app.support.Api;
import com.watchparty.app.support.Instances;
import com.watchparty.app.support.SocketClient;
import com.watchparty.testsupport.TestDatabases;
import com.watchparty.command.config.ConcurrencyRetryScheduler;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.extensions.jgroups.commandhandling.JGroupsConnector;
import org.jgroups.JChannel;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one database, with clients on both. The instances poll the store only every 10 s here, so
 * anything that reaches the other instance sooner was pushed: by the {@code events_appended} notification. Commands
 * for one party are routed to one instance, whichever instance the client is on.
 */
class TwoInstancesTest {

    private static final TestDatabases.Database DATABASE = TestDatabases.create();
    // chat sent as fast as it is acked, never refused by flood control: these tests are about routing
    private static final String[] SETTINGS = {"--watchparty.event-store.fetch-delay=10s",
            "--spring.datasource.hikari.maximum-pool-size=8", "--spring.datasource.hikari.minimum-idle=1",
            "--watchparty.realtime.room.chat-burst=10000", "--watchparty.realtime.room.chat-per-second=10000",
            // short presence timings, so that a stopped instance's leases expire within the test
            "--watchparty.realtime.room.reconnect-grace=2s", "--watchparty.realtime.room.lease-heartbeat=1s",
            "--watchparty.realtime.room.lease-timeout=3s"};

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
        // Ann on the instance that handles the party's commands, Ben on the other: her own copy of a message comes
        // from where it was stored, his only through the notification
        var home = handledBy(a, party) ? a : b;
        var other = home == a ? b : a;
        SocketClient annAtHome = joined(Instances.port(home), party, ann);
        SocketClient benElsewhere = joined(Instances.port(other), party, ben);

        List<Long> extraMillis = new ArrayList<>();
        List<Long> crossMillis = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            long sent = System.nanoTime();
            annAtHome.emit("send_message", new JSONObject().put("partyId", party.toString()).put("content", "m" + i));
            annAtHome.next("new_message");
            long atHome = System.nanoTime();
            JSONObject received = benElsewhere.next("new_message");
            long elsewhere = System.nanoTime();
            assertThat(received.getString("content")).isEqualTo("m" + i);
            crossMillis.add(Duration.ofNanos(elsewhere - sent).toMillis());
            extraMillis.add(Duration.ofNanos(elsewhere - atHome).toMillis());
            sleep(60); // each message finds the instances idle, as a poll would
        }

        List<Long> extra = extraMillis.subList(5, extraMillis.size()).stream().sorted().toList(); // after warm-up
        List<Long> cross = crossMillis.subList(5, crossMillis.size()).stream().sorted().toList();
        System.out.printf("send to receipt on the other instance: median %d ms, max %d ms; later than on the "
                + "sender's own: median %d ms, max %d ms; all %s, %s%n", cross.get(cross.size() / 2),
                cross.get(cross.size() - 1), extra.get(extra.size() / 2), extra.get(extra.size() - 1), crossMillis,
                extraMillis);
        assertThat(extra.get(extra.size() / 2)).as("median delay of the other instance, %s", extra)
                .isLessThanOrEqualTo(25);
        assertThat(cross.get(cross.size() - 1)).as("slowest of %s", cross).isLessThan(1000);
    }

    @Test
    void commandsForOnePartyFromBothInstancesAreHandledInOneWithoutConflict() throws Exception {
        Api apiA = new Api(Instances.port(a));
        List<Api.User> people = List.of(apiA.user("Ann"), apiA.user("Ben"), apiA.user("Cid"), apiA.user("Dee"));
        UUID party = apiA.ongoingParty(apiA.admin("Ada"), 5, people);
        List<SocketClient> tabs = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            tabs.add(joined(Instances.port(i % 2 == 0 ? a : b), party, people.get(i)));
        }
        long retriesBefore = retries(a) + retries(b);

        List<CompletableFuture<JSONObject>> acks = new ArrayList<>();
        for (int round = 0; round < 15; round++) {
            for (SocketClient tab : tabs) {
                acks.add(CompletableFuture.supplyAsync(() -> tab.request("send_message",
                        new JSONObject().put("partyId", party.toString()).put("content", "hello"))));
            }
        }

        for (CompletableFuture<JSONObject> ack : acks) {
            JSONObject answer = ack.get(30, TimeUnit.SECONDS);
            assertThat(answer.optBoolean("ok")).as(answer.toString()).isTrue();
        }
        assertThat(retries(a) + retries(b) - retriesBefore).as("commands sent again after a conflict").isZero();
        assertThat(messagesStored(party)).isEqualTo(acks.size());
    }

    @Test
    void aStoppedInstancesPartiesAreTakenOverWithNoCommandLost() throws Exception {
        Api apiA = new Api(Instances.port(a));
        Api.User admin = apiA.admin("Ada");
        Api.User ann = apiA.user("Ann");
        var c = Instances.start(DATABASE, SETTINGS);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> a.getBean(JChannel.class).getView().size() == 3);
            UUID party = null;
            while (party == null) { // a party that the third instance handles
                UUID candidate = apiA.ongoingParty(admin, 5, List.of(ann));
                if (handledBy(c, candidate)) {
                    party = candidate;
                }
            }
            SocketClient annOnA = joined(Instances.port(a), party, ann);
            UUID theParty = party;
            AtomicBoolean stopping = new AtomicBoolean();
            AtomicInteger acked = new AtomicInteger();
            CompletableFuture<List<String>> chat = CompletableFuture.supplyAsync(() -> {
                List<String> failures = new ArrayList<>();
                while (!stopping.get()) {
                    JSONObject ack = annOnA.request("send_message",
                            new JSONObject().put("partyId", theParty.toString()).put("content", "during"));
                    if (ack.optBoolean("ok")) {
                        acked.incrementAndGet();
                    } else {
                        failures.add(ack.toString());
                    }
                }
                return failures;
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> acked.get() >= 20);
            c.close();
            int ackedWhenStopped = acked.get();
            await().atMost(Duration.ofSeconds(10)).until(() -> acked.get() >= ackedWhenStopped + 20);
            stopping.set(true);

            assertThat(chat.get(30, TimeUnit.SECONDS)).as("refused messages").isEmpty();
            assertThat(handledBy(a, party) || handledBy(b, party)).isTrue();
            assertThat(messagesStored(party)).as("every acked message stored").isEqualTo(acked.get());
            Api.Response patched = apiA.patch("/watch-parties/" + party, admin, Map.of("is_featured", true));
            assertThat(patched.status()).as(patched.body().toString()).isEqualTo(200);
        } finally {
            c.close();
        }
    }

    @Test
    void aUsersTabsOnBothInstancesAreOnePerson() {
        Api apiA = new Api(Instances.port(a));
        Api.User ann = apiA.user("Ann");
        Api.User ben = apiA.user("Ben");
        UUID party = apiA.ongoingParty(apiA.admin("Ada"), 5, List.of(ann, ben));
        SocketClient benOnA = joined(Instances.port(a), party, ben);
        benOnA.clear();

        SocketClient annOnA = joined(Instances.port(a), party, ann);
        SocketClient annOnB = joined(Instances.port(b), party, ann);
        assertThat(benOnA.next("user_joined").getString("userId")).isEqualTo(ann.id().toString());
        assertThat(benOnA.nextWithin("user_joined", Duration.ofSeconds(1))).as("a second join").isNull();

        annOnA.close(); // a tab closed, the other still open on the other instance
        assertThat(benOnA.nextWithin("user_left", Duration.ofSeconds(5))).as("left while a tab is open").isNull();

        JSONObject left = annOnB.request("leave_party", new JSONObject().put("partyId", party.toString()));
        assertThat(left.getBoolean("ok")).as(left.toString()).isTrue();
        assertThat(benOnA.next("user_left").getString("userId")).isEqualTo(ann.id().toString());
    }

    /** A round trip measured on one instance schedules a play sent through the other. */
    @Test
    void aPlayWaitsForTheSlowestInTheRoomOnEitherInstance() {
        Api apiA = new Api(Instances.port(a));
        Api.User ann = apiA.user("Ann");
        Api.User ben = apiA.user("Ben");
        UUID party = apiA.ongoingParty(apiA.admin("Ada"), 5, List.of(ann, ben));
        SocketClient annOnA = joined(Instances.port(a), party, ann);
        SocketClient benOnB = joined(Instances.port(b), party, ben);
        JSONObject sample = benOnB.request("time_sync", new JSONObject().put("t0", System.currentTimeMillis())
                .put("rtt", 600));
        assertThat(sample.getBoolean("ok")).as(sample.toString()).isTrue();
        JdbcClient jdbc = a.getBean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql(
                "select coalesce(max(round_trip_ms), 0) from presence_lease where party_id = ?")
                .param(party).query(Integer.class).single() == 600);
        annOnA.clear();
        benOnB.clear();

        long sentAt = System.currentTimeMillis();
        JSONObject played = annOnA.request("player_action", new JSONObject().put("partyId", party.toString())
                .put("action", "play").put("position", 0));
        long ackedAt = System.currentTimeMillis();

        assertThat(played.getBoolean("ok")).as(played.toString()).isTrue();
        long serverTime = annOnA.next("sync_player").getLong("serverTime");
        assertThat(benOnB.next("sync_player").getLong("serverTime")).isEqualTo(serverTime);
        // handled between sending and the ack, 600 ms of round trip and the 100 ms margin ahead
        assertThat(serverTime).isBetween(sentAt + 700 - 2, ackedAt + 700 + 2);
    }

    @Test
    void stoppingAnInstanceMovesItsSocketsWithoutLeaveOrJoin() {
        Api apiA = new Api(Instances.port(a));
        Api.User ann = apiA.user("Ann");
        Api.User ben = apiA.user("Ben");
        UUID party = apiA.ongoingParty(apiA.admin("Ada"), 5, List.of(ann, ben));
        SocketClient benOnA = joined(Instances.port(a), party, ben);
        // a grace far shorter than any stop: a leave timed from the stopping instance's own disconnects would fire
        var c = Instances.start(DATABASE, Stream.of(SETTINGS).map(setting -> setting.startsWith(
                "--watchparty.realtime.room.reconnect-grace=") ? "--watchparty.realtime.room.reconnect-grace=50ms"
                : setting).toArray(String[]::new));
        try {
            SocketClient annOnC = joined(Instances.port(c), party, ann);
            assertThat(benOnA.next("user_joined").getString("userId")).isEqualTo(ann.id().toString());
            benOnA.clear();

            c.close(); // a rolling deploy: the socket is closed and its client reconnects, to another instance
            annOnC.close(); // (StoppingAnInstanceTest shows clients told of the close; this one need not wait for it)
            SocketClient annOnB = joined(Instances.port(b), party, ann);
            JSONObject sent = annOnB.request("send_message",
                    new JSONObject().put("partyId", party.toString()).put("content", "back"));
            assertThat(sent.getBoolean("ok")).as(sent.toString()).isTrue();
            assertThat(benOnA.next("new_message").getString("content")).isEqualTo("back");

            // past the stopped instance's lease timeout and a few sweeps
            assertThat(benOnA.nextWithin("user_left", Duration.ofSeconds(8))).as("a leave").isNull();
            assertThat(benOnA.nextWithin("user_joined", Duration.ZERO)).as("a join").isNull();
            assertThat(a.getBean(JdbcClient.class).sql("select count(*) from domainevententry where"
                            + " aggregateidentifier = ? and payloadtype like '%UserLeftPartyEvent'")
                    .param(party.toString()).query(Long.class).single()).isZero();
        } finally {
            c.close();
        }
    }

    @Test
    void eachInstanceReportsItsRoutingAndClaimsAndAdminsSeeTheWholeCluster() {
        Api apiA = new Api(Instances.port(a));
        Api.User admin = apiA.admin("Ops");
        // each projection's segment held by exactly one of the instances once their claims have settled
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode cluster = apiA.get("/admin/cluster", admin).body();
            assertThat(cluster.path("instances")).hasSize(2);
            List<Integer> movies = new ArrayList<>();
            for (JsonNode instance : cluster.path("instances")) {
                assertThat(instance.path("routes_commands").asBoolean()).as(instance.toString()).isTrue();
                // each instance feeds its own sockets' rooms from a token of its own, never a shared one
                assertThat(instance.path("segments").has("room-feed")).as(instance.toString()).isFalse();
                instance.path("segments").path("movies").forEach(segment -> movies.add(segment.asInt()));
            }
            assertThat(movies).containsExactly(0);
        });
        JsonNode cluster = apiA.get("/admin/cluster", admin).body();
        assertThat(cluster.path("instance").asText()).isEqualTo(a.getBean(JChannel.class).getName());
        assertThat(apiA.get("/admin/cluster", apiA.user("Ann")).status()).isEqualTo(403);

        for (var instance : List.of(a, b)) {
            JsonNode health = new Api(Instances.port(instance)).get("/actuator/health", admin).body();
            JsonNode routing = health.path("components").path("commandRouting");
            assertThat(routing.path("status").asText()).as(health.toString()).isEqualTo("UP");
            assertThat(routing.path("details").path("members")).hasSize(2);
            assertThat(health.path("components").path("eventProcessors").path("details").path("movies")
                    .path("claimed").isArray()).as(health.toString()).isTrue();
        }
    }

    private static boolean handledBy(ConfigurableApplicationContext instance, UUID party) {
        return instance.getBean(JGroupsConnector.class).findDestination(GenericCommandMessage.asCommandMessage(
                new LeavePartyCommand(party, UUID.randomUUID()))).orElseThrow().name()
                .equals(instance.getBean(JChannel.class).getAddressAsString());
    }

    private static long retries(ConfigurableApplicationContext instance) {
        return instance.getBean(ConcurrencyRetryScheduler.class).retries();
    }

    private static long messagesStored(UUID party) {
        return a.getBean(JdbcClient.class).sql("select count(*) from domainevententry where aggregateidentifier = ?"
                        + " and payloadtype like '%ChatMessageSentEvent'").param(party.toString())
                .query(Long.class).single();
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
