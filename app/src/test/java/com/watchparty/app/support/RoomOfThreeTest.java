package com.watchparty.app.support;

import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base of the tests of running a room: an ongoing party whose host is the admin, with two ticket holders, Ann
 * and Ben, and the Socket.IO clients a test opens, closed after it.
 */
public abstract class RoomOfThreeTest extends WatchPartyIntegrationTest {

    protected Api.User host;
    protected Api.User ann;
    protected Api.User ben;
    protected UUID party;
    private final List<SocketClient> clients = new ArrayList<>();

    @BeforeEach
    void anOngoingPartyWithTwoTicketHolders() {
        host = admin;
        ann = api.user("Ann");
        ben = api.user("Ben");
        party = api.ongoingParty(host, 3, List.of(ann, ben));
    }

    @AfterEach
    void closeSockets() {
        clients.forEach(SocketClient::close);
    }

    protected SocketClient connect(Api.User user) {
        SocketClient client = SocketClient.connect(port, user.token());
        clients.add(client);
        return client;
    }

    protected SocketClient joined(Api.User user) {
        SocketClient client = connect(user);
        ok(client.request("join_party", payload()));
        return client;
    }

    /** A request about the party. */
    protected JSONObject payload() {
        return new JSONObject().put("partyId", party.toString());
    }

    /** A request about someone in the party. */
    protected JSONObject about(Api.User user) {
        return payload().put("userId", user.id().toString());
    }

    /** The party's log rows' types, oldest first, as the host reads them. */
    protected List<String> logTypes() {
        List<String> types = new ArrayList<>();
        api.get("/watch-parties/" + party + "/logs?size=100", host).body().path("items")
                .forEach(row -> types.add(row.path("event_type").asText()));
        return types;
    }

    /** Whether a participant list marks the user with {@code flag} ({@code host}, {@code moderator}). */
    protected static boolean marks(JSONObject list, Api.User user, String flag) {
        JSONArray participants = list.getJSONArray("participants");
        for (int i = 0; i < participants.length(); i++) {
            JSONObject p = participants.getJSONObject(i);
            if (p.getString("userId").equals(user.id().toString())) {
                return p.optBoolean(flag);
            }
        }
        return false;
    }

    public static void ok(JSONObject ack) {
        assertThat(ack.getBoolean("ok")).as(ack.toString()).isTrue();
    }

    public static void assertError(JSONObject ack, String code) {
        assertThat(ack.getBoolean("ok")).as(ack.toString()).isFalse();
        assertThat(ack.getJSONObject("error").getString("code")).isEqualTo(code);
        assertThat(ack.getJSONObject("error").getString("message")).isNotBlank();
    }
}
