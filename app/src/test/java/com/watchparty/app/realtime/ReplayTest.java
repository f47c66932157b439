package com.watchparty.app.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.watchparty.app.support.Api;
import com.watchparty.app.support.SocketClient;
import com.watchparty.app.support.WatchPartyIntegrationTest;
import org.json.JSONArray;
import org.json.JSONObject;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A short party run through the socket API — chat, pause, seek — finishes by its deadline; its replay then puts
 * every message at the film position the players showed when it was said.
 */
class ReplayTest extends WatchPartyIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aFinishedPartyReplaysItsChatAtTheFilmPositionsThePlayersShowed() throws Exception {
        Api.User ann = api.user("Ann");
        UUID ticket = api.ticket(admin, "1.00", false);
        Instant start = Instant.now().plusMillis(1500);
        Instant end = start.plusSeconds(7);
        UUID party = api.scheduleParty(admin, api.movie(admin, 3600), start, end, 5).id();
        api.post("/watch-parties/" + party + "/purchase", ann, Map.of("ticket_id", ticket.toString()));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/watch-parties/" + party, null).text("status").equals("ongoing"));

        Map<String, Double> shown = new HashMap<>(); // what the players showed when each message was said
        try (SocketClient socket = SocketClient.connect(port, ann.token())) {
            JSONObject room = new JSONObject().put("partyId", party.toString());
            ok(socket.request("join_party", room));
            ok(socket.request("player_action", new JSONObject(room.toString()).put("action", "play").put("position", 0)));
            Thread.sleep(600);
            say(socket, room, "while playing", shown);
            ok(socket.request("player_action", new JSONObject(room.toString()).put("action", "pause").put("position", 42)));
            Thread.sleep(300);
            say(socket, room, "while paused", shown);
            ok(socket.request("player_action", new JSONObject(room.toString()).put("action", "seek").put("position", 600)));
            say(socket, room, "after a seek while paused", shown);
            ok(socket.request("player_action", new JSONObject(room.toString()).put("action", "play").put("position", 600)));
            Thread.sleep(500);
            say(socket, room, "after playing again", shown);

            assertThat(api.get("/watch-parties/" + party + "/replay", ann).text("code")).isEqualTo("party_not_finished");
        }

        await().atMost(Duration.ofSeconds(15)).until(() ->
                api.get("/watch-parties/" + party, null).text("status").equals("finished"));
        await().atMost(Duration.ofSeconds(5)).until(() ->
                api.get("/watch-parties/" + party + "/replay?event_type=message", ann).body().path("events")
                        .path("total_items").asInt() == 4);

        JsonNode replay = api.get("/watch-parties/" + party + "/replay?event_type=message", ann).body();
        JsonNode messages = replay.path("events").path("items");
        assertThat(messages).hasSize(4);
        for (JsonNode message : messages) {
            String content = message.path("content").path("content").asText();
            assertThat(message.path("media_time").asDouble()).as(content).isCloseTo(shown.get(content), within(0.05));
            assertThat(message.path("username").asText()).isEqualTo("Ann");
        }
        assertThat(shown.get("while playing")).isBetween(0.5, 1.5);
        assertThat(shown.get("while paused")).isEqualTo(42.0);
        assertThat(shown.get("after a seek while paused")).isEqualTo(600.0);
        assertThat(shown.get("after playing again")).isBetween(600.4, 601.5);
        // film order: the chat during the pause at 0:42 comes before the chat at 10:00
        assertThat(messages.get(0).path("content").path("content").asText()).isEqualTo("while playing");
        assertThat(messages.get(1).path("content").path("content").asText()).isEqualTo("while paused");

        // two segments played: 0 → ~1 s until the pause, and 600 → … until the end
        JsonNode segments = replay.path("segments");
        assertThat(segments).hasSize(2);
        assertThat(segments.get(0).path("from_media_time").asDouble()).isZero();
        assertThat(segments.get(1).path("from_media_time").asDouble()).isEqualTo(600.0);
        assertThat(Instant.parse(segments.get(1).path("to_real_time").asText())).isAfterOrEqualTo(end);

        // read one entry at a time with cursors: the same messages in the same order, every page with the total
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/watch-parties/" + party + "/replay?event_type=message&size=1"
                    + (cursor == null ? "" : "&cursor=" + cursor), ann).body();
            assertThat(page.path("events").path("total_items").asInt()).isEqualTo(4);
            page.path("events").path("items").forEach(item -> paged.add(item.path("content").path("content").asText()));
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
        } while (cursor != null);
        List<String> all = new ArrayList<>();
        messages.forEach(item -> all.add(item.path("content").path("content").asText()));
        assertThat(paged).isEqualTo(all);

        // the same timeline as one NDJSON stream: each line the same JSON as the page's entry
        Api.Response stream = api.get("/watch-parties/" + party + "/replay/stream?event_type=message", ann);
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("application/x-ndjson");
        List<JsonNode> streamed = new ArrayList<>();
        for (String line : stream.raw().body().split("\n")) {
            streamed.add(JSON.readTree(line));
        }
        assertThat(streamed).containsExactlyElementsOf(messages);

        // a film window holds only what was said in it
        JsonNode window = api.get("/watch-parties/" + party + "/replay?event_type=message&from=500&to=700", ann).body();
        assertThat(window.path("events").path("items")).hasSize(2);

        // over the socket: join_replay, then replay_seek sends the next window of film
        try (SocketClient viewer = SocketClient.connect(port, ann.token())) {
            JSONObject joined = viewer.request("join_replay", new JSONObject().put("partyId", party.toString()));
            ok(joined);
            assertThat(joined.getJSONArray("segments").length()).isEqualTo(2);
            JSONObject seek = viewer.request("replay_seek", new JSONObject().put("position", 590));
            ok(seek);
            JSONArray events = viewer.next("replay_events").getJSONArray("events");
            assertThat(events.length()).isEqualTo(seek.getInt("count"));
            List<String> types = new ArrayList<>();
            for (int i = 0; i < events.length(); i++) {
                types.add(events.getJSONObject(i).getString("eventType"));
            }
            assertThat(types).contains("message", "seek", "play");
        }
    }

    @Test
    void aFinishedPartyWhoseTimelineLagsIsNotServedHalfWritten() throws Exception {
        UUID movie = api.movie(admin, 600); // before taking the start time: on a busy machine it takes a while
        Instant start = Instant.now().plusMillis(1000);
        UUID party = api.scheduleParty(admin, movie, start, start.plusSeconds(2), 5).id();
        await().atMost(Duration.ofSeconds(5)).until(() ->
                api.get("/watch-parties/" + party, null).text("status").equals("ongoing"));
        try (SocketClient host = SocketClient.connect(port, admin.token())) {
            JSONObject room = new JSONObject().put("partyId", party.toString());
            ok(host.request("join_party", room));
            ok(host.request("player_action", new JSONObject(room.toString()).put("action", "play").put("position", 0)));
        }

        // the timeline falls behind the party list: the party reads as finished, its replay is not written yet
        EventProcessor timeline = processing.eventProcessor("replay-timeline").orElseThrow();
        timeline.shutDown();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    api.get("/watch-parties/" + party, null).text("status").equals("finished"));
            Api.Response page = api.get("/watch-parties/" + party + "/replay", admin);
            assertThat(page.status()).isEqualTo(409);
            assertThat(page.text("code")).isEqualTo("replay_not_ready");
            assertThat(api.get("/watch-parties/" + party + "/replay/stream", admin).text("code"))
                    .isEqualTo("replay_not_ready");
            try (SocketClient viewer = SocketClient.connect(port, admin.token())) {
                JSONObject ack = viewer.request("join_replay", new JSONObject().put("partyId", party.toString()));
                assertThat(ack.getJSONObject("error").getString("code")).isEqualTo("replay_not_ready");
            }
        } finally {
            timeline.start();
        }

        // once it has caught up, the replay is whole: the film played once, until the end
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/watch-parties/" + party + "/replay", admin).status() == 200);
        JsonNode segments = api.get("/watch-parties/" + party + "/replay", admin).body().path("segments");
        assertThat(segments).hasSize(1);
        assertThat(Instant.parse(segments.get(0).path("to_real_time").asText())).isAfterOrEqualTo(start.plusSeconds(2));
    }

    @Test
    void aPartyThatHasNotFinishedHasNoReplay() {
        UUID party = api.scheduleParty(admin, api.movie(admin, 600), Instant.now().plusSeconds(3600),
                Instant.now().plusSeconds(7200), 5).id();

        var response = api.get("/watch-parties/" + party + "/replay", admin);
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.text("code")).isEqualTo("party_not_finished");
        assertThat(api.get("/watch-parties/" + UUID.randomUUID() + "/replay", admin).status()).isEqualTo(404);

        try (SocketClient viewer = SocketClient.connect(port, admin.token())) {
            JSONObject ack = viewer.request("join_replay", new JSONObject().put("partyId", party.toString()));
            assertThat(ack.getJSONObject("error").getString("code")).isEqualTo("party_not_finished");
        }
    }

    private static void say(SocketClient socket, JSONObject room, String content, Map<String, Double> shown) {
        ok(socket.request("send_message", new JSONObject(room.toString()).put("content", content)));
        JSONObject message = socket.next("new_message");
        while (!message.getString("content").equals(content)) {
            message = socket.next("new_message");
        }
        shown.put(content, message.getDouble("mediaTime"));
    }

    private static void ok(JSONObject ack) {
        assertThat(ack.getBoolean("ok")).as(ack.toString()).isTrue();
    }
}
