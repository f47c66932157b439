package com.watchparty.app.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.watchparty.app.support.Api;
import com.watchparty.app.support.SocketClient;
import com.watchparty.app.support.WatchPartyIntegrationTest;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A room where everyone talks at once: the lines that arrive while the party's previous append is under way are
 * stored together. Every line must still be acked, stored once and shown to everyone in one and the same order,
 * the order of the party's log: those who opened with a WebSocket, and those who opened with long-polling and
 * upgraded (half of them, the seed's client's way), whose upgrade may fall in the middle of the burst.
 */
class ChatBurstTest extends WatchPartyIntegrationTest {

    private static final int PEOPLE = 20;
    /** Within the chat budget's burst, so flood control refuses none of them. */
    private static final int LINES_EACH = 5;

    final List<SocketClient> clients = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        clients.forEach(SocketClient::close);
    }

    @Test
    void everyLineOfABurstIsAckedStoredOnceAndSeenByEveryoneInTheLogsOrder() throws Exception {
        List<Api.User> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            people.add(api.user("Talker " + i));
        }
        UUID party = api.ongoingParty(admin, PEOPLE, people);
        JSONObject inParty = new JSONObject().put("partyId", party.toString());
        for (Api.User person : people) {
            SocketClient client = clients.size() % 2 == 0 ? SocketClient.connect(port, person.token(), "websocket")
                    : SocketClient.connect(port, person.token());
            clients.add(client);
            assertThat(client.request("join_party", inParty).getBoolean("ok")).isTrue();
        }

        ExecutorService senders = Executors.newFixedThreadPool(PEOPLE);
        List<Future<JSONObject>> acks = new ArrayList<>();
        try {
            for (int line = 0; line < LINES_EACH; line++) {
                for (int i = 0; i < PEOPLE; i++) {
                    SocketClient client = clients.get(i);
                    String content = "line " + line + " from " + i;
                    acks.add(senders.submit((Callable<JSONObject>) () -> client.request("send_message",
                            new JSONObject(inParty.toString()).put("content", content))));
                }
            }
            List<String> ackedIds = new ArrayList<>();
            for (Future<JSONObject> ack : acks) {
                JSONObject answer = ack.get();
                assertThat(answer.optBoolean("ok")).as(answer.toString()).isTrue();
                ackedIds.add(answer.getString("id"));
            }
            assertThat(ackedIds).doesNotHaveDuplicates().hasSize(PEOPLE * LINES_EACH);

            List<String> logOrder = await().until(() -> loggedMessageIds(api, admin, party),
                    ids -> ids.size() >= PEOPLE * LINES_EACH);
            assertThat(logOrder).containsExactlyInAnyOrderElementsOf(ackedIds);
            for (SocketClient client : clients) {
                List<String> seen = new ArrayList<>();
                for (int i = 0; i < PEOPLE * LINES_EACH; i++) {
                    seen.add(client.next("new_message").getString("id"));
                }
                assertThat(seen).as("the order one socket saw").containsExactlyElementsOf(logOrder);
            }
        } finally {
            senders.shutdownNow();
        }
    }

    private static List<String> loggedMessageIds(Api api, Api.User admin, UUID party) {
        JsonNode items = api.get("/watch-parties/" + party + "/logs?size=200", admin).body().path("items");
        return StreamSupport.stream(items.spliterator(), false)
                .filter(entry -> entry.path("event_type").asText().equals("message"))
                .map(entry -> entry.path("content").path("message_id").asText()).toList();
    }
}
