package com.watchparty.app.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.watchparty.app.support.Api;
import com.watchparty.app.support.NodeScripts;
import com.watchparty.app.support.WatchPartyIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's own client code — Node's {@code socket.io-client} 4.8 with {@code io(url + '/watch-party')} and only an
 * auth token added — connects with its default transports (polling, then the upgrade to WebSocket), joins and chats.
 */
class SeedClientTest extends WatchPartyIntegrationTest {

    @Test
    void theSeedSnippetJoinsChatsAndUpgradesToWebSocket() throws Exception {
        Api.User john = api.user("John Doe");
        UUID party = api.scheduleParty(admin, api.movie(admin, 600), Instant.now().plusSeconds(60),
                Instant.now().plusSeconds(3600), 5).id();
        api.post("/watch-parties/" + party + "/purchase", john, Map.of("ticket_id", api.ticket(admin, "1.00", false).toString()));
        NodeScripts.Report run = NodeScripts.run("seed-client.mjs", "http://localhost:" + port, john.token(),
                party.toString(), john.id().toString());

        JsonNode report = run.json();
        assertThat(report.path("ok").asBoolean()).as(run.output()).isTrue();
        assertThat(report.path("joinAck").path("ok").asBoolean()).isTrue();
        assertThat(report.path("participantList").path("participants").get(0).path("username").asText())
                .isEqualTo("John Doe");
        assertThat(report.path("syncPlayer").path("state").asText()).isEqualTo("paused");
        assertThat(report.path("message").path("username").asText()).isEqualTo("John Doe");
        assertThat(report.path("message").path("partyId").asText()).isEqualTo(party.toString());
        List<String> transports = List.of(new ObjectMapper().convertValue(report.path("transports"), String[].class));
        assertThat(transports.get(0)).isEqualTo("polling");
        assertThat(transports).contains("websocket");
        assertThat(run.exitCode()).isZero();
    }
}
