package com.watchparty.app.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.watchparty.app.support.Api;
import com.watchparty.app.support.SocketClient;
import com.watchparty.app.support.WatchPartyIntegrationTest;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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

/** Reactions with real Socket.IO clients: counted per window in the room, stored per window, replayed in place. */
class ReactionsTest extends WatchPartyIntegrationTest {

    final List<SocketClient> clients = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        clients.forEach(SocketClient::close);
    }

    @Test
    void theRoomGetsReactionsCountedPerWindowAndTheStreamOneEventPerWindow() throws InterruptedException {
        Api.User host = admin;
        Api.User ann = api.user("Ann");
        Api.User ben = api.user("Ben");
        UUID party = api.ongoingParty(host, 3, List.of(ann, ben));
        JSONObject room = new JSONObject().put("partyId", party.toString());
        SocketClient annSocket = joined(ann, room);
        SocketClient benSocket = joined(ben, room);
        SocketClient stranger = connect(api.user("Cy"));

        assertError(annSocket.request("send_reaction", reaction(room, "💩")), "validation_failed");
        assertError(annSocket.request("send_reaction", new JSONObject(room.toString()).put("emoji", 1)),
                "validation_failed");
        assertError(stranger.request("send_reaction", reaction(room, "👍")), "not_joined");
        for (int i = 0; i < 8; i++) {
            ok(annSocket.request("send_reaction", reaction(room, "😂")));
        }
        ok(benSocket.request("send_reaction", reaction(room, "🎉")));

        Map<String, Integer> seen = new HashMap<>();
        int pushes = 0;
        while (seen.getOrDefault("😂", 0) < 8 || seen.getOrDefault("🎉", 0) < 1) {
            JSONObject reactions = benSocket.next("reactions");
            pushes++;
            assertThat(reactions.getString("partyId")).isEqualTo(party.toString());
            assertThat(reactions.has("mediaTime")).isTrue();
            JSONObject counts = reactions.getJSONObject("counts");
            counts.keySet().forEach(emoji -> seen.merge(emoji, counts.getInt(emoji), Integer::sum));
        }
        assertThat(seen).isEqualTo(Map.of("😂", 8, "🎉", 1));
        assertThat(pushes).as("nine taps in well under a second: one or two windows").isBetween(1, 3);
        long stored = jdbc.sql("select count(*) from domainevententry where aggregateidentifier = ?"
                        + " and payloadtype like '%ReactionsRecordedEvent'")
                .param(party.toString()).query(Long.class).single();
        assertThat(stored).isEqualTo(pushes);

        int refused = 0;
        for (int i = 0; i < 20; i++) {
            JSONObject ack = benSocket.request("send_reaction", reaction(room, "👍"));
            refused += ack.getBoolean("ok") ? 0 : 1;
        }
        assertThat(refused).as("flood control: a burst of 10, then 4 a second").isPositive();
    }

    @Test
    void aReplayShowsReactionsWhereTheyHappenedInTheFilm() throws Exception {
        Api.User ann = api.user("Ann");
        UUID ticket = api.ticket(admin, "1.00", false);
        Instant start = Instant.now().plusMillis(1500);
        UUID party = api.scheduleParty(admin, api.movie(admin, 3600), start, start.plusSeconds(5), 5).id();
        api.post("/watch-parties/" + party + "/purchase", ann, Map.of("ticket_id", ticket.toString()));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/watch-parties/" + party, null).text("status").equals("ongoing"));
        JSONObject room = new JSONObject().put("partyId", party.toString());
        SocketClient socket = joined(ann, room);
        ok(socket.request("player_action", new JSONObject(room.toString()).put("action", "pause").put("position", 300)));
        ok(socket.request("send_reaction", reaction(room, "😮")));
        ok(socket.request("send_reaction", reaction(room, "😮")));
        assertThat(socket.next("reactions").getDouble("mediaTime")).isEqualTo(300.0);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                api.get("/watch-parties/" + party + "/replay", ann).status() == 200);
        JsonNode replayed = api.get("/watch-parties/" + party + "/replay?event_type=reactions", ann).body()
                .path("events").path("items");
        assertThat(replayed).hasSize(1);
        assertThat(replayed.get(0).path("media_time").asDouble()).isCloseTo(300.0, within(0.001));
        assertThat(replayed.get(0).path("content").path("counts").path("😮").asInt()).isEqualTo(2);
        assertThat(replayed.get(0).path("user_id").isNull()).isTrue();

        SocketClient viewer = connect(ann);
        ok(viewer.request("join_replay", room));
        ok(viewer.request("replay_seek", new JSONObject().put("position", 290)));
        JSONArray events = viewer.next("replay_events").getJSONArray("events");
        List<String> types = new ArrayList<>();
        for (int i = 0; i < events.length(); i++) {
            types.add(events.getJSONObject(i).getString("eventType"));
        }
        assertThat(types).contains("reactions");
    }

    private SocketClient connect(Api.User user) {
        SocketClient client = SocketClient.connect(port, user.token());
        clients.add(client);
        return client;
    }

    private SocketClient joined(Api.User user, JSONObject room) {
        SocketClient client = connect(user);
        ok(client.request("join_party", room));
        return client;
    }

    private static JSONObject reaction(JSONObject room, String emoji) {
        return new JSONObject(room.toString()).put("emoji", emoji);
    }

    private static void ok(JSONObject ack) {
        assertThat(ack.getBoolean("ok")).as(ack.toString()).isTrue();
    }

    private static void assertError(JSONObject ack, String code) {
        assertThat(ack.getBoolean("ok")).as(ack.toString()).isFalse();
        assertThat(ack.getJSONObject("error").getString("code")).isEqualTo(code);
    }
}
