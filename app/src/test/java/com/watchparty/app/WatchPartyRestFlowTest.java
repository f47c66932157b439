package com.watchparty.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.watchparty.api.chat.SendChatMessageCommand;
import com.watchparty.api.playback.ControlPlaybackCommand;
import com.watchparty.api.playback.PlayerAction;
import com.watchparty.api.presence.JoinPartyCommand;
import com.watchparty.app.support.Api;
import com.watchparty.app.support.WatchPartyIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The seed's REST flow end to end: create → list → get → patch → purchase → logs, on the running service. */
class WatchPartyRestFlowTest extends WatchPartyIntegrationTest {

    @Test
    void aPartyGoesFromCreationToPurchaseToItsLog() {
        UUID movie = api.movie(admin, 5400);
        UUID ticket = api.ticket(admin, "4.99", false);
        Instant start = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);

        // create
        Api.Response created = api.scheduleParty(admin, movie, start, start.plus(Duration.ofHours(2)), 50);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("location")).hasValue("/watch-parties/" + created.id());
        assertThat(created.text("status")).isEqualTo("upcoming");
        assertThat(created.text("start_time")).isEqualTo(start.toString());
        assertThat(created.body().path("movie").path("duration_seconds").asInt()).isEqualTo(5400);
        UUID party = created.id();

        // list, with and without a matching status filter
        assertThat(ids(api.get("/watch-parties?status=upcoming&size=200", null))).contains(party);
        assertThat(ids(api.get("/watch-parties?status=finished&size=200", null))).doesNotContain(party);

        // get
        Api.Response fetched = api.get("/watch-parties/" + party, null);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body().path("tickets_sold").asInt()).isZero();
        assertThat(fetched.body().path("active_participants").asInt()).isZero();

        // patch: the response already shows the change
        Api.Response patched = api.patch("/watch-parties/" + party, admin,
                Map.of("is_featured", true, "max_participants", 60));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().path("is_featured").asBoolean()).isTrue();
        assertThat(patched.body().path("max_participants").asInt()).isEqualTo(60);
        assertThat(ids(api.get("/watch-parties?featured=true&size=200", null))).contains(party);

        // purchase, always for the caller
        Api.User bob = api.user("Bob");
        Api.Response purchase = api.post("/watch-parties/" + party + "/purchase", bob, Map.of("ticket_id", ticket.toString()));
        assertThat(purchase.status()).isEqualTo(201);
        assertThat(purchase.text("user_id")).isEqualTo(bob.id().toString());
        assertThat(purchase.text("watch_party_id")).isEqualTo(party.toString());
        assertThat(purchase.text("ticket_id")).isEqualTo(ticket.toString());
        assertThat(purchase.text("price_paid")).isEqualTo("4.99");
        assertThat(purchase.text("purchase_date")).isNotBlank();
        await().atMost(Duration.ofSeconds(5)).until(() ->
                api.get("/watch-parties/" + party, null).body().path("tickets_sold").asInt() == 1);

        // what happens in the room lands in the log, in order
        commands.sendAndWait(new JoinPartyCommand(party, bob.id(), "Bob", false));
        commands.sendAndWait(new SendChatMessageCommand(party, UUID.randomUUID(), bob.id(), "  hello <b>all</b>  "));
        await().atMost(Duration.ofSeconds(5)).until(() ->
                api.get("/watch-parties/" + party + "/logs", bob).body().path("total_items").asInt() == 2);
        JsonNode log = api.get("/watch-parties/" + party + "/logs", bob).body().path("items");
        assertThat(log.get(0).path("event_type").asText()).isEqualTo("join");
        assertThat(log.get(0).path("content").path("username").asText()).isEqualTo("Bob");
        assertThat(log.get(1).path("event_type").asText()).isEqualTo("message");
        assertThat(log.get(1).path("content").path("content").asText()).isEqualTo("hello <b>all</b>");
        assertThat(log.get(1).path("user_id").asText()).isEqualTo(bob.id().toString());
        assertThat(log.get(1).path("watch_party_id").asText()).isEqualTo(party.toString());
        // ten minutes before the start: event_time is negative seconds from start_time
        assertThat(log.get(1).path("event_time").asDouble()).isBetween(-601.0, -590.0);
        assertThat(Instant.parse(log.get(1).path("real_time").asText())).isBefore(start);
        // the same log as one NDJSON stream: each line the same JSON as the page's row
        Api.Response stream = api.get("/watch-parties/" + party + "/logs/stream", bob);
        assertThat(stream.contentType()).startsWith("application/x-ndjson");
        assertThat(stream.raw().body().lines().map(WatchPartyRestFlowTest::json)).containsExactlyElementsOf(log);

        // every change is an event in the store, the WatchPartyLog
        List<String> types = jdbc.sql("select payloadtype from domainevententry where aggregateidentifier = ? order by sequencenumber")
                .param(party.toString()).query(String.class).list();
        assertThat(types).extracting(t -> t.substring(t.lastIndexOf('.') + 1)).containsExactly(
                "WatchPartyScheduledEvent", "WatchPartyUpdatedEvent", "TicketPurchasedEvent",
                "UserJoinedPartyEvent", "ChatMessageSentEvent");
    }

    @Test
    void aRetriedPurchaseWithTheSameIdempotencyKeyReturnsTheSamePurchase() {
        UUID party = api.scheduleParty(admin, api.movie(admin, 600), Instant.now().plusSeconds(3600),
                Instant.now().plusSeconds(7200), 10).id();
        UUID ticket = api.ticket(admin, "10.00", false);
        Api.User carol = api.user("Carol");
        var body = Map.of("ticket_id", ticket.toString());
        var key = Map.of("Idempotency-Key", "carol-" + UUID.randomUUID());

        Api.Response first = api.post("/watch-parties/" + party + "/purchase", carol, body, key);
        Api.Response retry = api.post("/watch-parties/" + party + "/purchase", carol, body, key);
        Api.Response other = api.post("/watch-parties/" + party + "/purchase", carol, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.text("code")).isEqualTo("already_purchased");
        assertThat(jdbc.sql("select count(*) from domainevententry where aggregateidentifier = ? and payloadtype like '%TicketPurchasedEvent'")
                .param(party.toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aVoucherIsRedeemedAtPriceZero() {
        UUID party = api.scheduleParty(admin, api.movie(admin, 600), Instant.now().plusSeconds(3600),
                Instant.now().plusSeconds(7200), 10).id();
        UUID voucher = api.ticket(admin, "12.50", true);

        Api.Response purchase = api.post("/watch-parties/" + party + "/purchase", api.user("Dan"),
                Map.of("ticket_id", voucher.toString()));

        assertThat(purchase.status()).isEqualTo(201);
        assertThat(purchase.text("price_paid")).isEqualTo("0.00");
    }

    @Test
    void playerActionsAreLoggedWithTheirPosition() {
        UUID movie = api.movie(admin, 100);
        Instant start = Instant.now().plusSeconds(2);
        UUID party = api.scheduleParty(admin, movie, start, start.plusSeconds(600), 10).id();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/watch-parties/" + party, null).text("status").equals("ongoing"));

        commands.sendAndWait(new JoinPartyCommand(party, admin.id(), "Ada", true));
        commands.sendAndWait(new ControlPlaybackCommand(party, admin.id(), PlayerAction.SEEK, 250, true));

        await().atMost(Duration.ofSeconds(5)).until(() ->
                api.get("/watch-parties/" + party + "/logs", admin).body().path("total_items").asInt() == 2);
        JsonNode seek = api.get("/watch-parties/" + party + "/logs", admin).body().path("items").get(1);
        assertThat(seek.path("event_type").asText()).isEqualTo("seek");
        assertThat(seek.path("content").path("position").asDouble()).isEqualTo(100.0); // clamped to the film
        assertThat(seek.path("event_time").asDouble()).isPositive();
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw new AssertionError(line, e);
        }
    }

    private static List<UUID> ids(Api.Response page) {
        assertThat(page.status()).isEqualTo(200);
        return StreamSupport.stream(page.body().path("items").spliterator(), false)
                .map(item -> UUID.fromString(item.path("id").asText())).toList();
    }
}
