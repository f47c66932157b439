package com.watchparty.app.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.watchparty.app.support.Api;
import com.watchparty.app.support.RoomOfThreeTest;
import com.watchparty.app.support.SocketClient;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Moderators, deleted lines, timeouts, kicks and bans with real Socket.IO clients, and how the log and the replay
 * record them.
 */
class ModerationTest extends RoomOfThreeTest {

    @Test
    void theHostNamesAModeratorWhoseTimeoutOutlastsAReconnect() {
        SocketClient hostSocket = joined(host);
        SocketClient annSocket = joined(ann);
        SocketClient benSocket = joined(ben);

        assertError(benSocket.request("set_moderator", about(ann).put("moderator", true)), "forbidden");
        assertError(annSocket.request("mute_user", about(ben).put("seconds", 60)), "forbidden");
        ok(hostSocket.request("set_moderator", about(ann).put("moderator", true)));
        await().atMost(Duration.ofSeconds(5)).until(() -> marks(benSocket.next("participant_list"), ann, "moderator"));

        ok(annSocket.request("mute_user", about(ben).put("seconds", 60)));
        JSONObject refused = benSocket.request("send_message", payload().put("content", "spoiler"));
        assertError(refused, "muted");
        assertThat(refused.getJSONObject("error").getString("message")).containsPattern("another \\d+ seconds");

        benSocket.close();
        SocketClient benAgain = joined(ben);
        assertError(benAgain.request("send_message", payload().put("content", "spoiler")), "muted");
        ok(annSocket.request("mute_user", about(ben).put("seconds", 0)));
        ok(benAgain.request("send_message", payload().put("content", "sorry")));
    }

    @Test
    void aKickedUsersSocketsLeaveTheRoomAtOnceAndMayComeBack() {
        SocketClient hostSocket = joined(host);
        SocketClient annSocket = joined(ann);
        SocketClient benTab1 = joined(ben);
        SocketClient benTab2 = joined(ben);
        annSocket.clear();

        ok(hostSocket.request("kick_user", about(ben)));

        for (SocketClient tab : List.of(benTab1, benTab2)) {
            assertThat(tab.next("kicked").getBoolean("banned")).isFalse();
        }
        assertThat(annSocket.next("user_left").getString("userId")).isEqualTo(ben.id().toString());
        ok(annSocket.request("send_message", payload().put("content", "after the kick")));
        annSocket.next("new_message");
        assertThat(benTab1.nextWithin("new_message", Duration.ofMillis(500))).isNull();

        ok(benTab1.request("join_party", payload()));
        benTab1.clear(); // the room's recent messages, sent on joining
        ok(annSocket.request("send_message", payload().put("content", "welcome back")));
        assertThat(benTab1.next("new_message").getString("content")).isEqualTo("welcome back");
    }

    @Test
    void aBannedUserCannotJoinUntilUnbanned() {
        SocketClient hostSocket = joined(host);
        SocketClient benSocket = joined(ben);

        ok(hostSocket.request("ban_user", about(ben).put("reason", "spoilers")));

        assertThat(benSocket.next("kicked").getBoolean("banned")).isTrue();
        assertError(benSocket.request("join_party", payload()), "banned");
        assertError(connect(ben).request("join_party", payload()), "banned");
        ok(hostSocket.request("unban_user", about(ben)));
        ok(benSocket.request("join_party", payload()));
    }

    @Test
    void everyModerationIsLoggedWithWhoDidIt() {
        SocketClient hostSocket = joined(host);
        joined(ben);
        ok(hostSocket.request("mute_user", about(ben).put("seconds", 30)));
        ok(hostSocket.request("ban_user", about(ben).put("reason", "spoilers")));

        await().atMost(Duration.ofSeconds(10)).until(() -> logTypes().contains("ban"));
        JsonNode rows = api.get("/watch-parties/" + party + "/logs?size=100", host).body().path("items");
        JsonNode ban = null;
        JsonNode mute = null;
        for (JsonNode row : rows) {
            switch (row.path("event_type").asText()) {
                case "ban" -> ban = row;
                case "mute" -> mute = row;
                default -> { }
            }
        }
        assertThat(mute.path("user_id").asText()).isEqualTo(host.id().toString());
        assertThat(mute.path("content").path("target_user_id").asText()).isEqualTo(ben.id().toString());
        assertThat(mute.path("content").has("until")).isTrue();
        assertThat(ban.path("user_id").asText()).isEqualTo(host.id().toString());
        assertThat(ban.path("content").path("reason").asText()).isEqualTo("spoilers");
        assertThat(logTypes()).endsWith("mute", "ban", "leave");
    }

    @Test
    void adminsNameModeratorsOverRest() {
        SocketClient annSocket = joined(ann);
        joined(ben);
        String moderators = "/watch-parties/" + party + "/moderators/";

        assertThat(api.put(moderators + ben.id(), ann).status()).isEqualTo(403);
        assertThat(api.put(moderators + ann.id(), host).status()).isEqualTo(204);
        assertThat(api.put(moderators + ann.id(), host).status()).isEqualTo(204);
        ok(annSocket.request("kick_user", about(ben)));

        assertThat(api.delete(moderators + ann.id(), host).status()).isEqualTo(204);
        assertError(annSocket.request("unban_user", about(ben)), "forbidden");
        assertThat(api.put("/watch-parties/" + UUID.randomUUID() + "/moderators/" + ann.id(), host).body()
                .path("code").asText()).isEqualTo("party_not_found");
    }

    @Test
    void slowModeIsSetLiveAndSparesTheHostAndModerators() {
        SocketClient hostSocket = joined(host);
        SocketClient annSocket = joined(ann);
        SocketClient benSocket = joined(ben);
        assertThat(benSocket.next("room_settings").getInt("slowModeSeconds")).isZero();

        assertError(annSocket.request("set_room_settings", payload().put("slowModeSeconds", 30)), "forbidden");
        assertError(hostSocket.request("set_room_settings", payload().put("slowModeSeconds", 301)),
                "validation_failed");
        ok(hostSocket.request("set_room_settings", payload().put("slowModeSeconds", 30)));
        ok(hostSocket.request("set_moderator", about(ann).put("moderator", true)));

        JSONObject settings = benSocket.next("room_settings");
        assertThat(settings.getInt("slowModeSeconds")).isEqualTo(30);
        assertThat(settings.getBoolean("hostOnlyPlayback")).isFalse();
        ok(benSocket.request("send_message", payload().put("content", "one")));
        JSONObject refused = benSocket.request("send_message", payload().put("content", "two"));
        assertError(refused, "slow_mode");
        assertThat(refused.getJSONObject("error").getString("message")).containsPattern("another \\d+ seconds");
        for (SocketClient exempt : List.of(hostSocket, annSocket)) {
            ok(exempt.request("send_message", payload().put("content", "one")));
            ok(exempt.request("send_message", payload().put("content", "two")));
        }
        assertThat(joined(ben).next("room_settings").getInt("slowModeSeconds")).isEqualTo(30);
    }

    @Test
    void aDeletedLineLeavesTheRoomAndTheReplayButNotTheAdminsLog() throws Exception {
        UUID ticket = api.ticket(host, "1.00", false);
        Instant start = Instant.now().plusMillis(1500);
        party = api.scheduleParty(host, api.movie(host, 3600), start, start.plusSeconds(6), 5).id();
        for (Api.User holder : List.of(ann, ben)) {
            api.post("/watch-parties/" + party + "/purchase", holder, Map.of("ticket_id", ticket.toString()));
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/watch-parties/" + party, null).text("status").equals("ongoing"));
        SocketClient annSocket = joined(ann);
        SocketClient benSocket = joined(ben);
        ok(annSocket.request("send_message", payload().put("content", "keep")));
        String oops = annSocket.request("send_message", payload().put("content", "oops")).getString("id");
        benSocket.next("new_message");
        benSocket.next("new_message");

        assertError(benSocket.request("delete_message", payload().put("messageId", oops)), "forbidden");
        ok(annSocket.request("delete_message", payload().put("messageId", oops)));

        JSONObject deleted = benSocket.next("message_deleted");
        assertThat(deleted.getString("messageId")).isEqualTo(oops);
        assertThat(deleted.getString("deletedBy")).isEqualTo(ann.id().toString());
        SocketClient late = joined(host);
        assertThat(late.next("new_message").getString("content")).isEqualTo("keep");
        assertThat(late.nextWithin("new_message", Duration.ofMillis(300))).isNull();

        await().atMost(Duration.ofSeconds(10)).until(() -> logTypes().contains("message_deleted"));
        JsonNode forAdmin = messageRow(host, oops);
        assertThat(forAdmin.path("content").path("content").asText()).isEqualTo("oops");
        assertThat(forAdmin.path("content").path("removed").asBoolean()).isTrue();
        JsonNode forAnn = messageRow(ann, oops);
        assertThat(forAnn.path("content").has("content")).isFalse();
        assertThat(forAnn.path("content").path("removed").asBoolean()).isTrue();
        assertThat(api.get("/watch-parties/" + party + "/logs/stream", ben).raw().body()).doesNotContain("oops");

        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/watch-parties/" + party + "/replay", ann)
                .status() == 200);
        JsonNode replayed = api.get("/watch-parties/" + party + "/replay?event_type=message", ann).body()
                .path("events").path("items");
        assertThat(replayed).hasSize(1);
        assertThat(replayed.get(0).path("content").path("content").asText()).isEqualTo("keep");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private JsonNode messageRow(Api.User reader, String messageId) {
        for (JsonNode row : api.get("/watch-parties/" + party + "/logs?size=100", reader).body().path("items")) {
            if (row.path("event_type").asText().equals("message")
                    && row.path("content").path("message_id").asText().equals(messageId)) {
                return row;
            }
        }
        throw new AssertionError("no log row of message " + messageId);
    }
}
