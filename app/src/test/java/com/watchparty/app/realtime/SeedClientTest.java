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

    /**
     * The web client's typed client module, {@code /js/watch-party-client.js}, imported by Node as it is with npm's
     * {@code socket.io-client}: its clock is synced before it joins, its requests answer their acks, and a refusal
     * is a {@code WatchPartyError} with the stable code.
     */
    @Test
    void theTypedClientModuleWorksInNodeAsItIs() throws Exception {
        Api api = new Api(port);
        Api.User admin = api.admin("Ada");
        Api.User ann = api.user("Ann");
        UUID party = api.scheduleParty(admin, api.movie(admin, 600), Instant.now().plusSeconds(60),
                Instant.now().plusSeconds(3600), 5).id();
        api.post("/watch-parties/" + party + "/purchase", ann, Map.of("ticket_id", api.ticket(admin, "1.00", false).toString()));

        NodeScripts.Report run = NodeScripts.run("typed-client.mjs", "http://localhost:" + port, ann.token(),
                party.toString());

        JsonNode report = run.json();
        assertThat(report.path("ok").asBoolean()).as(run.output()).isTrue();
        assertThat(report.path("clockSynced").asBoolean()).isTrue();
        assertThat(report.path("join").path("userId").asText()).isEqualTo(ann.id().toString());
        assertThat(report.path("refusal").path("isWatchPartyError").asBoolean()).isTrue();
        assertThat(report.path("refusal").path("code").asText()).isEqualTo("party_not_ongoing");
        assertThat(report.path("message").path("id").asText()).isEqualTo(report.path("sent").path("id").asText());
        assertThat(report.path("settings").path("hostId").asText()).isEqualTo(admin.id().toString());
        assertThat(run.exitCode()).isZero();
    }
}
