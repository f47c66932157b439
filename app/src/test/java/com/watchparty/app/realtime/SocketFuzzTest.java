package com.watchparty.app.realtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.watchparty.app.support.Api;
import com.watchparty.app.support.RawSocket;
import com.watchparty.app.support.SocketClient;
import com.watchparty.app.support.WatchPartyIntegrationTest;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A seeded generator of hostile socket traffic: every event of the namespace, and unknown ones, with payloads of
 * the wrong type, wrong encoding, huge, nested far too deep, ids of the wrong kind. Every event is answered with an
 * ack that has a stable code, nobody else in the room is disconnected, nothing is logged as an error, and every
 * projection is still caught up afterwards.
 */
class SocketFuzzTest extends WatchPartyIntegrationTest {

    private static final long SEED = 20261128L;
    private static final int CASES = 1_500;
    /** {@code watchparty.realtime.max-payload-bytes}: a bigger message closes the sender's connection (1009). */
    private static final int MAX_PAYLOAD_BYTES = 16_384;
    private static final List<String> MODERATION_EVENTS = List.of("set_moderator", "mute_user", "kick_user",
            "ban_user", "unban_user", "delete_message", "set_room_settings", "send_reaction", "transfer_host");
    private static final List<String> EVENTS = Stream.concat(Stream.of("join_party", "leave_party", "send_message",
            "player_action", "time_sync", "join_replay", "replay_seek"), MODERATION_EVENTS.stream()).toList();
    private static final List<String> FIELDS = List.of("partyId", "userId", "username", "content", "action",
            "position", "t0", "rtt");
    /** The moderation events' fields instead, about as many, so the share of oversized cases stays the same. */
    private static final List<String> MODERATION_FIELDS = List.of("partyId", "userId", "messageId", "moderator",
            "seconds", "reason", "slowModeSeconds", "hostOnlyPlayback", "emoji");
    /** Codes an ack may carry for input that is wrong: anything else (internal_error) is a failure. */
    private static final List<String> EXPECTED_CODES = List.of("validation_failed", "unknown_event", "not_joined",
            "party_not_found", "ticket_required", "forbidden", "rate_limited", "party_not_finished",
            "party_not_open", "party_finished", "party_not_ongoing", "replay_not_ready", "movie_not_found", "muted",
            "banned", "slow_mode", "not_found");

    Api.User ann;
    Api.User ben;
    UUID party;
    UUID movie;
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final List<AutoCloseable> sockets = new ArrayList<>();

    @BeforeEach
    void anOngoingPartyAndALogThatRecordsErrors() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        ann = api.user("Ann");
        ben = api.user("Ben");
        party = api.ongoingParty(admin, 5, List.of(ann, ben));
        movie = api.movie(admin, 3600);
    }

    @AfterEach
    void close() throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        for (AutoCloseable socket : sockets) {
            socket.close();
        }
    }

    @Test
    void hostileTrafficGetsCodedAcksAndHarmsNobodyElse() throws Exception {
        SocketClient bystander = SocketClient.connect(port, ben.token(), "websocket");
        sockets.add(bystander);
        assertThat(bystander.request("join_party", new JSONObject().put("partyId", party.toString()))
                .getBoolean("ok")).isTrue();
        Random random = new Random(SEED);
        String join = new JSONObject().put("partyId", party.toString()).toString();
        RawSocket attacker = attacker();
        attacker.request("join_party", join);
        int oversized = 0;

        for (int i = 0; i < CASES; i++) {
            String event = random.nextInt(10) == 0 ? randomName(random) : EVENTS.get(random.nextInt(EVENTS.size()));
            String arguments = arguments(random, event);
            String description = "case " + i + " (seed " + SEED + "): " + event + " "
                    + arguments.substring(0, Math.min(200, arguments.length()));
            if (RawSocket.eventFrame(event, arguments, 1).getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
                attacker.sendRaw(RawSocket.eventFrame(event, arguments, 1));
                assertThat(attacker.awaitClose()).as(description).isEqualTo(1009); // "message too big"
                oversized++;
                attacker = attacker();
                attacker.request("join_party", join);
                continue;
            }
            JSONArray ack = attacker.request(event, arguments);
            assertThat(ack.length()).as(description).isEqualTo(1);
            JSONObject answer = ack.getJSONObject(0);
            if (!answer.getBoolean("ok")) {
                assertThat(answer.getJSONObject("error").getString("code")).as(description).isIn(EXPECTED_CODES);
            }
        }

        assertThat(attacker.isOpen()).isTrue();
        assertThat(oversized).as("some cases were over the size limit").isBetween(1, CASES / 5);
        assertThat(bystander.connected()).as("the bystander was never disconnected").isTrue();
        SocketClient adminSocket = SocketClient.connect(port, admin.token(), "websocket");
        sockets.add(adminSocket);
        assertThat(adminSocket.request("join_party", new JSONObject().put("partyId", party.toString()))
                .getBoolean("ok")).isTrue();
        assertThat(adminSocket.request("send_message", new JSONObject().put("partyId", party.toString())
                .put("content", "after the storm")).getBoolean("ok")).isTrue();
        JSONObject message = bystander.next("new_message");
        while (!message.getString("content").equals("after the storm")) {
            message = bystander.next("new_message");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(this::everyProjectionIsCaughtUp);
        assertThat(log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(ILoggingEvent::getFormattedMessage)).isEmpty();
    }

    private void everyProjectionIsCaughtUp() {
        JsonNode projections = api.get("/admin/projections", admin).body().path("projections");
        assertThat(projections.size()).isGreaterThan(0);
        for (JsonNode projection : projections) {
            assertThat(projection.path("error").asBoolean()).as(projection.toString()).isFalse();
            assertThat(projection.path("caught_up").asBoolean()).as(projection.toString()).isTrue();
        }
    }

    private RawSocket attacker() {
        RawSocket raw = RawSocket.connect(port, ann.token());
        sockets.add(raw);
        return raw;
    }

    /** The text after the event's name: nothing, or one JSON value. */
    private String arguments(Random random, String event) {
        List<String> fields = MODERATION_EVENTS.contains(event) ? MODERATION_FIELDS : FIELDS;
        return switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> scalar(random);
            case 2 -> nested(random, 20 + random.nextInt(4_000));
            case 3 -> new JSONArray().put(payload(random, fields)).toString();
            default -> payload(random, fields).toString();
        };
    }

    private JSONObject payload(Random random, List<String> fields) {
        JSONObject payload = new JSONObject();
        for (String field : fields) {
            if (random.nextInt(3) > 0) {
                payload.put(field, value(random, field));
            }
        }
        if (random.nextInt(5) == 0) {
            payload.put(text(random, 20), text(random, 50));
        }
        return payload;
    }

    private Object value(Random random, String field) {
        List<Supplier<Object>> values = List.of(
                () -> party.toString(), () -> movie.toString(), () -> UUID.randomUUID().toString(),
                () -> text(random, 1 + random.nextInt(600)), () -> text(random, 10_000),
                () -> random.nextInt(), () -> random.nextDouble() * 1e308, () -> -random.nextDouble() * 1e300,
                () -> JSONObject.NULL, () -> random.nextBoolean(), () -> new JSONArray().put(1).put("x"),
                () -> new JSONObject().put("nested", text(random, 5)),
                () -> List.of("play", "pause", "seek").get(random.nextInt(3)),
                () -> random.nextInt(7200), () -> "0".repeat(400), () -> ben.id().toString(), () -> "😂");
        return field.equals("partyId") && random.nextBoolean() ? party.toString()
                : values.get(random.nextInt(values.size())).get();
    }

    private static String scalar(Random random) {
        return List.of("null", "true", "1e999999", "-0", "\"" + "x".repeat(1000) + "\"", "42", "\"\\u0000\"",
                "\"\\ud800\"").get(random.nextInt(8));
    }

    private static String nested(Random random, int depth) {
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    /** Text with the characters hostile input is made of: controls, NUL, lone surrogates, emoji, RTL marks. */
    private static String text(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(switch (random.nextInt(12)) {
                case 0 -> '\u0000';
                case 1 -> (char) random.nextInt(0x20);
                case 2 -> (char) (0xD800 + random.nextInt(0x800));
                case 3 -> "😀";
                case 4 -> '\u202E';
                case 5 -> '"';
                case 6 -> '\\';
                default -> (char) ('a' + random.nextInt(26));
            });
        }
        return text.toString();
    }

    private static String randomName(Random random) {
        return List.of("disconnect", "connect", "__proto__", "constructor", "send_message ", "",
                text(random, 30)).get(random.nextInt(7));
    }
}
