package com.watchparty.app.realtime;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.watchparty.api.chat.ChatMessageSentEvent;
import com.watchparty.app.support.Api;
import com.watchparty.app.support.RawSocket;
import com.watchparty.app.support.SocketClient;
import com.watchparty.app.support.WatchPartyIntegrationTest;
import com.watchparty.command.party.WatchParty;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What one hostile socket can send, and that it harms no one else in the room. */
class HostileSocketTest extends WatchPartyIntegrationTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    @Qualifier("watchPartyCache")
    Cache partyCache;
    @Value("${watchparty.auth.jwt-secret}")
    String jwtSecret;

    Api.User ann;
    Api.User ben;
    UUID party;
    final List<AutoCloseable> sockets = new ArrayList<>();

    @BeforeEach
    void anOngoingPartyWithTwoTicketHolders() {
        ann = api.user("Ann");
        ben = api.user("Ben");
        party = api.ongoingParty(admin, 5, List.of(ann, ben));
    }

    @AfterEach
    void closeSockets() throws Exception {
        for (AutoCloseable socket : sockets) {
            socket.close();
        }
    }

    @Test
    void aStoredLineThatNoWebSocketCanCarryNeitherClosesTheRoomNorLaterJoins() {
        SocketClient benSocket = joined(ben);
        // as an old event, stored before commands refused such text: a lone surrogate has no UTF-8 form
        long last = eventStore.lastSequenceNumberFor(party.toString()).orElseThrow();
        eventStore.publish(new GenericDomainEventMessage<>(WatchParty.TYPE, party.toString(), last + 1,
                new ChatMessageSentEvent(party, UUID.randomUUID(), ann.id(), "lone\ud800surrogate")));
        partyCache.removeAll(); // the party's next command loads the stream with the event above

        assertThat(benSocket.next("new_message").getString("content")).isEqualTo("lone\uFFFDsurrogate");
        SocketClient annSocket = joined(ann); // its recent messages carry the line
        assertThat(annSocket.next("new_message").getString("content")).isEqualTo("lone\uFFFDsurrogate");

        ok(annSocket.request("send_message", payload().put("content", "still here")));
        assertThat(benSocket.next("new_message").getString("content")).isEqualTo("still here");
        assertThat(benSocket.connected()).isTrue();
    }

    @Test
    void controlCharactersAndLoneSurrogatesInChatAreRefused() {
        // a raw client: Java's socket.io client would turn a lone surrogate into '?' before sending it
        RawSocket annSocket = raw(ann);
        ok(annSocket.request("join_party", payload().toString()).getJSONObject(0));
        for (String content : List.of("nul\u0000byte", "lone\ud800surrogate", "bell\u0007", "low\udc00first")) {
            JSONObject ack = annSocket.request("send_message", payload().put("content", content).toString())
                    .getJSONObject(0);
            assertThat(ack.getBoolean("ok")).as(content).isFalse();
            assertThat(ack.getJSONObject("error").getString("code")).as(content).isEqualTo("validation_failed");
        }
        ok(annSocket.request("send_message", payload().put("content", "two\nlines\tand a 😀").toString())
                .getJSONObject(0));
    }

    @Test
    void aPayloadNestedThousandsDeepIsAnsweredAndTheConnectionLives() {
        RawSocket raw = raw(ann);
        String deep = "[".repeat(7_000) + "]".repeat(7_000);

        JSONArray ack = raw.request("send_message", deep);

        assertThat(ack.getJSONObject(0).getJSONObject("error").getString("code")).isEqualTo("validation_failed");
        assertThat(ack.getJSONObject(0).getJSONObject("error").getString("message")).contains("nests deeper");
        JSONArray sync = raw.request("time_sync", new JSONObject().put("t0", 1).toString());
        assertThat(sync.getJSONObject(0).getBoolean("ok")).isTrue();
        assertThat(raw.isOpen()).isTrue();
    }

    @Test
    void aReplayIsForTicketHoldersAndAdmins() {
        Api.User stranger = api.user("Sam");
        SocketClient strangerSocket = SocketClient.connect(port, stranger.token(), "websocket");
        sockets.add(strangerSocket);

        JSONObject refused = strangerSocket.request("join_replay", payload());

        assertThat(refused.getJSONObject("error").getString("code")).isEqualTo("ticket_required");
        for (Api.User reader : List.of(ann, admin)) {
            SocketClient socket = SocketClient.connect(port, reader.token(), "websocket");
            sockets.add(socket);
            assertThat(socket.request("join_replay", payload()).getJSONObject("error").getString("code"))
                    .as("a reader is refused only because the party is still on").isEqualTo("party_not_finished");
        }
    }

    @Test
    void unknownEventsAreAnsweredWithUnknownEvent() {
        SocketClient annSocket = joined(ann);
        JSONObject ack = annSocket.request("drop_tables", payload());
        assertThat(ack.getBoolean("ok")).isFalse();
        assertThat(ack.getJSONObject("error").getString("code")).isEqualTo("unknown_event");
    }

    @Test
    void anEventNamedDisconnectDoesNotTakeItsSenderOutOfTheRoom() {
        SocketClient annSocket = joined(ann);
        SocketClient benSocket = joined(ben);
        assertThat(annSocket.request("disconnect", payload()).getJSONObject("error").getString("code"))
                .isEqualTo("unknown_event");

        ok(annSocket.request("send_message", payload().put("content", "I am still in the room")));
        assertThat(benSocket.next("new_message").getString("content")).isEqualTo("I am still in the room");
        assertThat(benSocket.nextWithin("user_left", Duration.ofSeconds(3))).isNull();
    }

    @Test
    void playerActionsHaveABudgetOfTheirOwnAndBurstsOfSeeksAreCoalesced() {
        SocketClient annSocket = joined(ann);
        int accepted = 0;
        int coalesced = 0;
        int limited = 0;
        for (int i = 0; i < 200; i++) {
            JSONObject ack = annSocket.request("player_action",
                    payload().put("action", "seek").put("position", i));
            if (ack.getBoolean("ok")) {
                accepted++;
                coalesced += ack.optBoolean("coalesced") ? 1 : 0;
            } else {
                assertThat(ack.getJSONObject("error").getString("code")).isEqualTo("rate_limited");
                limited++;
            }
        }
        assertThat(limited).as("seeks beyond the budget are refused").isGreaterThan(150);
        assertThat(accepted).isLessThan(50);
        assertThat(seeksStored() + coalesced).isEqualTo(accepted);
        // the chat budget is untouched
        ok(annSocket.request("send_message", payload().put("content", "the player budget is not the chat's")));
    }

    @Test
    void aSocketIsToldAndDisconnectedWhenItsTokenExpires() throws Exception {
        SocketClient annSocket = SocketClient.connect(port, token(ann, Instant.now().plusSeconds(3)), "websocket");
        sockets.add(annSocket);
        ok(annSocket.request("join_party", payload()));

        JSONObject error = annSocket.next("auth_error");

        assertThat(error.getString("code")).isEqualTo("token_expired");
        annSocket.awaitDisconnect();
    }

    private long seeksStored() {
        return jdbc.sql("select count(*) from domainevententry where aggregateidentifier = ? and payloadtype like '%PlaybackChangedEvent'")
                .param(party.toString()).query(Long.class).single();
    }

    private String token(Api.User user, Instant expiresAt) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(user.id().toString()).claim("name", user.name())
                .issueTime(new Date()).expirationTime(Date.from(expiresAt)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(jwtSecret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private RawSocket raw(Api.User user) {
        RawSocket raw = RawSocket.connect(port, user.token());
        sockets.add(raw);
        return raw;
    }

    private SocketClient joined(Api.User user) {
        SocketClient client = SocketClient.connect(port, user.token(), "websocket");
        sockets.add(client);
        ok(client.request("join_party", payload()));
        return client;
    }

    private JSONObject payload() {
        return new JSONObject().put("partyId", party.toString());
    }

    private static void ok(JSONObject ack) {
        assertThat(ack.getBoolean("ok")).as(ack.toString()).isTrue();
    }
}
