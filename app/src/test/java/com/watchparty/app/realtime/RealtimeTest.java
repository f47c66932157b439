package com.watchparty.app.realtime;

import com.watchparty.api.presence.JoinPartyCommand;
import com.watchparty.app.support.Api;
import com.watchparty.app.support.SocketClient;
import com.watchparty.app.support.WatchPartyIntegrationTest;
import org.json.JSONObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** The seed's {@code /watch-party} namespace with real Socket.IO clients against the running service. */
class RealtimeTest extends WatchPartyIntegrationTest {

    Api.User ann;
    Api.User ben;
    UUID party;
    final List<SocketClient> clients = new ArrayList<>();

    @BeforeEach
    void anOngoingPartyWithTwoTicketHolders() {
        ann = api.user("Ann");
        ben = api.user("Ben");
        party = api.ongoingParty(admin, 3, List.of(ann, ben));
    }

    @org.junit.jupiter.api.AfterEach
    void closeSockets() {
        clients.forEach(SocketClient::close);
    }

    @Test
    void twoUsersSeeEachOtherJoin() {
        SocketClient annSocket = joined(ann);
        SocketClient benSocket = joined(ben, "websocket");

        JSONObject joined = annSocket.next("user_joined");
        while (!joined.getString("userId").equals(ben.id().toString())) {
            joined = annSocket.next("user_joined");
        }
        assertThat(joined.getString("username")).isEqualTo("Ben");
        assertThat(joined.getString("partyId")).isEqualTo(party.toString());
        assertThat(lastParticipantList(benSocket)).containsExactlyInAnyOrder("Ann", "Ben");
    }

    @Test
    void chatArrivesInOrderToEveryone() {
        SocketClient annSocket = joined(ann);
        SocketClient benSocket = joined(ben);

        for (int i = 1; i <= 5; i++) {
            JSONObject ack = annSocket.request("send_message", payload().put("content", "line " + i));
            assertThat(ack.getBoolean("ok")).as(ack.toString()).isTrue();
        }

        for (SocketClient socket : List.of(annSocket, benSocket)) {
            for (int i = 1; i <= 5; i++) {
                JSONObject message = socket.next("new_message");
                assertThat(message.getString("content")).isEqualTo("line " + i);
                assertThat(message.getString("userId")).isEqualTo(ann.id().toString());
                assertThat(message.getString("username")).isEqualTo("Ann");
                assertThat(message.has("id") && message.has("realTime") && message.has("eventTime")
                        && message.has("mediaTime")).isTrue();
            }
        }
    }

    @Test
    void playPauseAndSeekReachEverySocketWithTheSameServerTime() {
        SocketClient annSocket = joined(ann);
        SocketClient benSocket = joined(ben);
        annSocket.clear();
        benSocket.clear();

        ok(annSocket.request("player_action", payload().put("action", "play").put("position", 10)));
        ok(benSocket.request("player_action", payload().put("action", "pause").put("position", 12.5)));
        ok(annSocket.request("player_action", payload().put("action", "seek").put("position", 600)));

        for (String expectedState : List.of("playing", "paused", "paused")) {
            JSONObject atAnn = annSocket.next("sync_player");
            JSONObject atBen = benSocket.next("sync_player");
            assertThat(atAnn.toString()).isEqualTo(atBen.toString());
            assertThat(atAnn.getString("state")).isEqualTo(expectedState);
            assertThat(atAnn.getDouble("playbackRate")).isEqualTo(1.0);
        }
    }

    @Test
    void aLateJoinerStartsAtTheGroupsPosition() throws InterruptedException {
        SocketClient annSocket = joined(ann);
        ok(annSocket.request("player_action", payload().put("action", "play").put("position", 100)));
        Instant pressed = Instant.now();
        Thread.sleep(1500);

        SocketClient benSocket = joined(ben);

        assertThat(benSocket.order().subList(0, 2)).containsExactly("participant_list", "sync_player");
        JSONObject sync = benSocket.next("sync_player");
        assertThat(sync.getString("state")).isEqualTo("playing");
        double positionNow = sync.getDouble("position") + (System.currentTimeMillis() - sync.getLong("serverTime")) / 1000.0;
        double expected = 100 + Duration.between(pressed, Instant.now()).toMillis() / 1000.0;
        assertThat(positionNow).isCloseTo(expected, within(0.3));
    }

    @Test
    void aJoinerGetsTheRecentChatAfterTheListAndThePlayer() {
        SocketClient annSocket = joined(ann);
        ok(annSocket.request("send_message", payload().put("content", "first")));
        ok(annSocket.request("send_message", payload().put("content", "second")));
        await().atMost(Duration.ofSeconds(5)).until(() -> annSocket.order().stream()
                .filter("new_message"::equals).count() == 2);

        SocketClient benSocket = joined(ben);

        assertThat(benSocket.order().subList(0, 4))
                .containsExactly("participant_list", "sync_player", "new_message", "new_message");
        assertThat(benSocket.next("new_message").getString("content")).isEqualTo("first");
        assertThat(benSocket.next("new_message").getString("content")).isEqualTo("second");
    }

    @Test
    void aSocketWithoutAValidTokenGetsAnErrorAndIsDisconnected() {
        for (String token : new String[]{null, "not-a-token"}) {
            SocketClient stranger = SocketClient.connect(port, token);
            clients.add(stranger);
            assertThat(stranger.next("auth_error").getString("code")).isEqualTo("unauthorized");
            stranger.awaitDisconnect();
            assertThat(stranger.connected()).isFalse();
        }
    }

    @Test
    void joiningAsSomeoneElseIsRefused() {
        SocketClient annSocket = connect(ann);
        JSONObject ack = annSocket.request("join_party", payload().put("userId", ben.id().toString())
                .put("username", "Ben"));
        assertError(ack, "forbidden");
    }

    @Test
    void joiningWithoutATicketIsRefused() {
        SocketClient stranger = connect(api.user("Stranger"));
        assertError(stranger.request("join_party", payload()), "ticket_required");
    }

    @Test
    void aFullPartyLetsNobodyElseIn() {
        UUID ticket = api.ticket(admin, "5.00", false);
        assertThat(api.post("/watch-parties/" + party + "/purchase", api.user("Cid"),
                Map.of("ticket_id", ticket.toString())).status()).isEqualTo(201); // the third and last seat
        Api.User late = api.user("Dee");

        assertThat(api.post("/watch-parties/" + party + "/purchase", late, Map.of("ticket_id", ticket.toString()))
                .text("code")).isEqualTo("sold_out");
        assertError(connect(late).request("join_party", payload()), "ticket_required");
    }

    @Test
    void whenOnlyTheHostControlsThePlayerOthersAreRefused() {
        assertThat(api.patch("/watch-parties/" + party, admin, Map.of("host_only_playback", true)).status())
                .isEqualTo(200);
        SocketClient annSocket = joined(ann);
        SocketClient adminSocket = joined(admin);

        assertError(annSocket.request("player_action", payload().put("action", "play").put("position", 0)),
                "forbidden");
        ok(adminSocket.request("player_action", payload().put("action", "play").put("position", 0)));
        assertThat(annSocket.next("sync_player").getString("state")).isEqualTo("paused"); // on joining
        JSONObject played = annSocket.next("sync_player");
        assertThat(played.getString("state")).isEqualTo("playing");
        assertThat(played.getString("updatedBy")).isEqualTo(admin.id().toString());
    }

    @Test
    void chattingOrPlayingBeforeJoiningIsRefused() {
        SocketClient annSocket = connect(ann);
        assertError(annSocket.request("send_message", payload().put("content", "hi")), "not_joined");
        assertError(annSocket.request("player_action", payload().put("action", "play").put("position", 0)),
                "not_joined");
    }

    @Test
    void badPayloadsAreRefusedWithTheFieldNamed() {
        SocketClient annSocket = joined(ann);
        JSONObject ack = annSocket.request("player_action", payload().put("action", "rewind").put("position", 1));
        assertError(ack, "validation_failed");
        assertThat(ack.getJSONObject("error").getString("field")).isEqualTo("action");
        assertError(annSocket.request("player_action", payload().put("action", "seek").put("position", -5)),
                "validation_failed");
        assertError(annSocket.request("join_party", new JSONObject().put("partyId", "nope")), "validation_failed");
        assertError(annSocket.request("send_message", payload().put("content", " ")), "validation_failed");
    }

    @Test
    void floodingIsRateLimitedAndNotStored() {
        SocketClient annSocket = joined(ann);
        int accepted = 0;
        int limited = 0;
        for (int i = 0; i < 8; i++) {
            JSONObject ack = annSocket.request("send_message", payload().put("content", "spam " + i));
            if (ack.getBoolean("ok")) {
                accepted++;
            } else {
                assertThat(ack.getJSONObject("error").getString("code")).isEqualTo("rate_limited");
                limited++;
            }
        }
        assertThat(accepted).isBetween(5, 6); // burst of 5, plus one refill if a second passed
        assertThat(limited).isEqualTo(8 - accepted);
        long stored = accepted;
        await().atMost(Duration.ofSeconds(5)).until(() -> messagesStored() == stored);
    }

    @Test
    void timeSyncReturnsTheServersReceiveAndSendTimes() {
        SocketClient annSocket = connect(ann);
        long t0 = System.currentTimeMillis();
        JSONObject ack = annSocket.request("time_sync", new JSONObject().put("t0", t0));
        long t3 = System.currentTimeMillis();

        assertThat(ack.getLong("t0")).isEqualTo(t0);
        assertThat(ack.getLong("t1")).isBetween(t0 - 1000, t3 + 1000);
        assertThat(ack.getLong("t2")).isGreaterThanOrEqualTo(ack.getLong("t1"));
    }

    @Test
    void aReconnectingTabDoesNotMakeTheUserLeaveAndJoin() {
        SocketClient benSocket = joined(ben);
        SocketClient firstTab = joined(ann);
        awaitJoinOf(benSocket, ann);

        firstTab.close();
        SocketClient reloaded = joined(ann);

        assertThat(benSocket.nextWithin("user_left", Duration.ofSeconds(4))).isNull();
        assertThat(benSocket.nextWithin("user_joined", Duration.ZERO)).isNull();

        reloaded.close();
        JSONObject left = benSocket.next("user_left");
        assertThat(left.getString("userId")).isEqualTo(ann.id().toString());
    }

    @Test
    void twoTabsAreOneParticipantWhoLeavesWithTheLastTab() {
        SocketClient benSocket = joined(ben);
        SocketClient tab1 = joined(ann);
        SocketClient tab2 = joined(ann);
        awaitJoinOf(benSocket, ann);
        assertThat(lastParticipantList(tab2)).containsExactlyInAnyOrder("Ann", "Ben");

        ok(tab1.request("leave_party", payload()));
        assertThat(benSocket.nextWithin("user_left", Duration.ofSeconds(2))).isNull();

        ok(tab2.request("leave_party", payload()));
        assertThat(benSocket.next("user_left").getString("userId")).isEqualTo(ann.id().toString());
    }

    @Test
    void aUserHeldOnlyByAnInstanceThatDiedIsRecordedAsLeaving() {
        SocketClient benSocket = joined(ben);
        commands.sendAndWait(new JoinPartyCommand(party, ann.id(), "Ann", false));
        jdbc.sql("insert into presence_lease (party_id, user_id, instance_id, heartbeat_at) values (?, ?, 'crashed', ?)")
                .params(party, ann.id(), Timestamp.from(Instant.now().minusSeconds(3600))).update();
        awaitJoinOf(benSocket, ann);

        JSONObject left = benSocket.next("user_left");

        assertThat(left.getString("userId")).isEqualTo(ann.id().toString());
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private SocketClient connect(Api.User user, String... transports) {
        SocketClient client = SocketClient.connect(port, user.token(), transports);
        clients.add(client);
        return client;
    }

    private SocketClient joined(Api.User user, String... transports) {
        SocketClient client = connect(user, transports);
        ok(client.request("join_party", payload().put("userId", user.id().toString()).put("username", user.name())));
        return client;
    }

    private JSONObject payload() {
        return new JSONObject().put("partyId", party.toString());
    }

    private long messagesStored() {
        return jdbc.sql("select count(*) from domainevententry where aggregateidentifier = ? and payloadtype like '%ChatMessageSentEvent'")
                .param(party.toString()).query(Long.class).single();
    }

    private static void awaitJoinOf(SocketClient observer, Api.User user) {
        JSONObject joined = observer.next("user_joined");
        while (!joined.getString("userId").equals(user.id().toString())) {
            joined = observer.next("user_joined");
        }
    }

    private static List<String> lastParticipantList(SocketClient socket) {
        JSONObject list = socket.next("participant_list");
        JSONObject newer;
        // lists are coalesced, one a second at most: a newer one may be on its way
        while ((newer = socket.nextWithin("participant_list", Duration.ofMillis(1500))) != null) {
            list = newer;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < list.getJSONArray("participants").length(); i++) {
            names.add(list.getJSONArray("participants").getJSONObject(i).getString("username"));
        }
        assertThat(list.getInt("count")).isEqualTo(names.size());
        return names;
    }

    private static void ok(JSONObject ack) {
        assertThat(ack.getBoolean("ok")).as(ack.toString()).isTrue();
    }

    private static void assertError(JSONObject ack, String code) {
        assertThat(ack.getBoolean("ok")).as(ack.toString()).isFalse();
        assertThat(ack.getJSONObject("error").getString("code")).isEqualTo(code);
        assertThat(ack.getJSONObject("error").getString("message")).isNotBlank();
    }
}
