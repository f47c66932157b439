package com.watchparty.app.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.watchparty.app.support.Api;
import com.watchparty.app.support.RoomOfThreeTest;
import com.watchparty.app.support.SocketClient;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who holds the remote, and a start everyone makes together, with real Socket.IO clients: the host hands the party
 * over, control passes on when the host leaves a host-only room, an admin names a host over REST; a play or seek is
 * scheduled the largest round trip in the room plus a margin ahead, never more than a second.
 */
class HostAndSharedStartTest extends RoomOfThreeTest {

    /** {@code watchparty.realtime.room.start-margin}. */
    private static final long MARGIN_MS = 100;

    @Test
    void theHostHandsTheRemoteToSomeoneInTheRoom() {
        SocketClient hostSocket = joined(host);
        SocketClient annSocket = joined(ann);
        SocketClient benSocket = joined(ben);
        ok(hostSocket.request("set_room_settings", payload().put("hostOnlyPlayback", true)));
        assertThat(settingsWith(benSocket, true).getString("hostId")).isEqualTo(host.id().toString());

        assertError(benSocket.request("transfer_host", about(ann)), "forbidden");
        ok(hostSocket.request("transfer_host", about(ann)));

        assertThat(benSocket.next("room_settings").getString("hostId")).isEqualTo(ann.id().toString());
        await().atMost(Duration.ofSeconds(5)).until(() -> marks(benSocket.next("participant_list"), ann, "host"));
        ok(annSocket.request("player_action", payload().put("action", "play").put("position", 5)));
        assertError(benSocket.request("player_action", payload().put("action", "pause").put("position", 6)),
                "forbidden");
        assertError(annSocket.request("transfer_host", about(api.user("Cy"))), "not_joined");
        ok(annSocket.request("transfer_host", about(ben)));
        assertThat(benSocket.next("room_settings").getString("hostId")).isEqualTo(ben.id().toString());
        assertError(annSocket.request("transfer_host", about(ann)), "forbidden"); // no longer the host, no admin

        JsonNode handover = awaitLogRow("host", 1);
        assertThat(handover.path("user_id").asText()).isEqualTo(host.id().toString());
        assertThat(handover.path("content").path("target_user_id").asText()).isEqualTo(ann.id().toString());
        assertThat(handover.path("content").path("previous_host_id").asText()).isEqualTo(host.id().toString());
        assertThat(handover.path("content").path("reason").asText()).isEqualTo("handed_over");
    }

    @Test
    void whenTheHostLeavesAHostOnlyRoomTheLongestPresentModeratorTakesOver() {
        SocketClient hostSocket = joined(host);
        SocketClient annSocket = joined(ann);
        SocketClient benSocket = joined(ben);
        ok(hostSocket.request("set_room_settings", payload().put("hostOnlyPlayback", true)));
        ok(hostSocket.request("set_moderator", about(ben).put("moderator", true)));
        settingsWith(annSocket, true);

        ok(hostSocket.request("leave_party", payload()));

        // Ann has been there longer, but Ben moderates
        assertThat(annSocket.next("room_settings").getString("hostId")).isEqualTo(ben.id().toString());
        ok(benSocket.request("player_action", payload().put("action", "play").put("position", 0)));
        assertError(annSocket.request("player_action", payload().put("action", "pause").put("position", 1)),
                "forbidden");
        JsonNode handover = awaitLogRow("host", 1);
        assertThat(handover.path("user_id").isNull()).isTrue();
        assertThat(handover.path("content").path("target_user_id").asText()).isEqualTo(ben.id().toString());
        assertThat(handover.path("content").path("reason").asText()).isEqualTo("host_left");
        assertThat(logTypes()).containsSubsequence("leave", "host");
    }

    @Test
    void anAdminNamesTheHostOverRest() {
        SocketClient annSocket = joined(ann);
        annSocket.next("room_settings");
        String path = "/watch-parties/" + party;

        assertThat(api.patch(path, ann, Map.of("host_id", ann.id().toString())).status()).isEqualTo(403);
        assertThat(api.patch(path, host, Map.of("host_id", "not a uuid")).status()).isEqualTo(400);
        Api.Response named = api.patch(path, host, Map.of("host_id", ann.id().toString()));

        assertThat(named.status()).isEqualTo(200);
        assertThat(named.text("host_id")).isEqualTo(ann.id().toString());
        assertThat(api.get(path, null).text("host_id")).isEqualTo(ann.id().toString());
        assertThat(annSocket.next("room_settings").getString("hostId")).isEqualTo(ann.id().toString());
        assertThat(joined(ben).next("room_settings").getString("hostId")).isEqualTo(ann.id().toString());
    }

    @Test
    void aPlayIsScheduledForTheSlowestInTheRoomAndAPauseIsNot() {
        SocketClient annSocket = joined(ann);
        SocketClient benSocket = joined(ben);
        annSocket.next("sync_player");

        assertThat(lead(annSocket, "play", 10)).as("nobody measured a round trip: the margin alone")
                .matches(lead -> lead.includes(MARGIN_MS));

        timeSync(annSocket, 80);
        timeSync(benSocket, 300);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> lead(annSocket, "seek", 20).includes(300 + MARGIN_MS));

        timeSync(benSocket, 5_000);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> lead(annSocket, "play", 40).includes(1000));
        assertThat(lead(annSocket, "pause", 60)).as("a pause stops everyone on arrival")
                .matches(lead -> lead.includes(0));

        ok(benSocket.request("leave_party", payload()));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> lead(annSocket, "seek", 70).includes(80 + MARGIN_MS));
        assertError(annSocket.request("time_sync", new JSONObject().put("t0", 1).put("rtt", -1)),
                "validation_failed");
        assertError(annSocket.request("time_sync", new JSONObject().put("t0", 1).put("rtt", "fast")),
                "validation_failed");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** How far ahead of the moment it was handled an action took effect: between these (ms). */
    private record Lead(long atLeast, long atMost) {

        /** Whether the lead can have been {@code millis} (clocks read to the millisecond). */
        boolean includes(long millis) {
            return atLeast - 2 <= millis && millis <= atMost + 2;
        }
    }

    /**
     * Sends a player action and reads when the room's {@code sync_player} says it takes effect. It was handled after
     * it was sent and before its ack, and the test and the service share one clock.
     */
    private Lead lead(SocketClient socket, String action, double position) {
        long sentAt = System.currentTimeMillis();
        ok(socket.request("player_action", payload().put("action", action).put("position", position)));
        long ackedAt = System.currentTimeMillis();
        JSONObject sync = socket.next("sync_player");
        assertThat(sync.getDouble("position")).isEqualTo(position);
        long serverTime = sync.getLong("serverTime");
        return new Lead(serverTime - ackedAt, serverTime - sentAt);
    }

    private static void timeSync(SocketClient socket, int roundTripMillis) {
        ok(socket.request("time_sync", new JSONObject().put("t0", System.currentTimeMillis())
                .put("rtt", roundTripMillis)));
    }

    private JsonNode awaitLogRow(String type, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> logTypes().stream().filter(type::equals).count() >= count);
        for (JsonNode row : api.get("/watch-parties/" + party + "/logs?size=100", host).body().path("items")) {
            if (row.path("event_type").asText().equals(type)) {
                return row;
            }
        }
        throw new AssertionError("no " + type + " row");
    }

    private static JSONObject settingsWith(SocketClient socket, boolean hostOnly) {
        JSONObject settings = socket.next("room_settings");
        while (settings.getBoolean("hostOnlyPlayback") != hostOnly) {
            settings = socket.next("room_settings");
        }
        return settings;
    }
}
