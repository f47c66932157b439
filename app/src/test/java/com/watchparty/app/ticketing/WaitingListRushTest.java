package com.watchparty.app.ticketing;

import com.fasterxml.jackson.databind.JsonNode;
import com.watchparty.app.support.Api;
import com.watchparty.app.support.WatchPartyIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A premiere's sale: a rush on 20 seats, the ones left out in line, five tickets given back, and the seats going down
 * the line by holds, one of them let expire, until every seat is sold again; the party's log shows each step.
 */
@TestPropertySource(properties = {"watchparty.ticketing.hold-time=8s", "watchparty.ticketing.min-hold-time=8s"})
class WaitingListRushTest extends WatchPartyIntegrationTest {

    static final int SEATS = 20;
    static final int BUYERS = 60;
    static final int IN_LINE = 10;
    static final int GIVING_BACK = 5;

    @Test
    void aRushWithAWaitingListEndsWithEverySeatSoldAndEveryStepLogged() throws Exception {
        Api.User admin = api.admin("Box office");
        UUID ticket = api.ticket(admin, "5.00", false);
        UUID party = api.scheduleParty(admin, api.movie(admin, 3600), Instant.now().plus(Duration.ofHours(2)),
                Instant.now().plus(Duration.ofHours(4)), SEATS).id();
        String partyPath = "/watch-parties/" + party;
        List<Api.User> crowd = IntStream.range(0, BUYERS).mapToObj(i -> api.user("fan-" + i)).toList();

        // the rush: exactly 20 sold, everyone else told it is sold out
        List<Api.Response> rush = inParallel(crowd, fan -> api.post(partyPath + "/purchase", fan,
                Map.of("ticket_id", ticket.toString())));
        List<Api.User> holders = IntStream.range(0, BUYERS).filter(i -> rush.get(i).status() == 201)
                .mapToObj(crowd::get).toList();
        List<Api.User> leftOut = IntStream.range(0, BUYERS).filter(i -> rush.get(i).status() != 201)
                .mapToObj(crowd::get).toList();
        assertThat(holders).hasSize(SEATS);
        assertThat(IntStream.range(0, BUYERS).filter(i -> rush.get(i).status() != 201).mapToObj(rush::get))
                .allSatisfy(r -> assertThat(r.text("code")).isEqualTo("sold_out"));

        // ten of them get in line, one after another
        List<Api.User> line = leftOut.subList(0, IN_LINE);
        for (int i = 0; i < IN_LINE; i++) {
            Api.Response joined = api.post(partyPath + "/waiting-list", line.get(i), Map.of());
            assertThat(joined.status()).as(joined.body().toString()).isEqualTo(200);
            assertThat(joined.text("state")).isEqualTo("waiting");
            assertThat(joined.body().path("position").asInt()).isEqualTo(i + 1);
        }
        assertThat(api.post(partyPath + "/waiting-list", line.get(0), Map.of()).body().path("position").asInt())
                .as("joining again keeps the place").isEqualTo(1);

        // five give their tickets back: each refunded the price minus the fee, the seat held for the line at once
        for (Api.User giver : holders.subList(0, GIVING_BACK)) {
            Api.Response cancelled = api.post(partyPath + "/purchase/cancel", giver, Map.of());
            assertThat(cancelled.status()).as(cancelled.body().toString()).isEqualTo(200);
            assertThat(cancelled.text("refund_amount")).isEqualTo("4.00");
            assertThat(cancelled.text("cancellation_fee")).isEqualTo("1.00");
        }
        for (int i = 0; i < GIVING_BACK; i++) {
            assertThat(place(api, partyPath, line.get(i)).text("state")).as("place %d", i + 1).isEqualTo("holding");
        }
        assertThat(place(api, partyPath, line.get(GIVING_BACK)).body().path("position").asInt()).isEqualTo(1);
        JsonNode office = api.get(partyPath + "/box-office", admin).body();
        assertThat(office.path("tickets_sold").asInt()).isEqualTo(SEATS - GIVING_BACK);
        assertThat(office.path("seats_held").asInt()).isEqualTo(GIVING_BACK);
        assertThat(office.path("waiting").asInt()).isEqualTo(IN_LINE - GIVING_BACK);

        // nobody else gets a held seat: not someone who never queued, not the next in line
        Api.Response outsider = api.post(partyPath + "/purchase", leftOut.get(IN_LINE),
                Map.of("ticket_id", ticket.toString()));
        assertThat(outsider.status()).isEqualTo(409);
        assertThat(outsider.text("code")).isEqualTo("sold_out");
        assertThat(api.post(partyPath + "/purchase", line.get(GIVING_BACK), Map.of("ticket_id", ticket.toString()))
                .status()).isEqualTo(409);

        // four of the five buy their held seat; the fifth lets the hold expire, and the sixth in line gets it
        for (Api.User holder : line.subList(0, GIVING_BACK - 1)) {
            assertThat(api.post(partyPath + "/purchase", holder, Map.of("ticket_id", ticket.toString())).status())
                    .isEqualTo(201);
        }
        Api.User sixth = line.get(GIVING_BACK);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                "holding".equals(place(api, partyPath, sixth).text("state")));
        assertThat(api.get(partyPath + "/waiting-list/me", line.get(GIVING_BACK - 1)).status())
                .as("an expired hold leaves the line").isEqualTo(404);
        assertThat(api.post(partyPath + "/purchase", line.get(GIVING_BACK - 1), Map.of("ticket_id", ticket.toString()))
                .text("code")).isEqualTo("sold_out");
        assertThat(api.post(partyPath + "/purchase", sixth, Map.of("ticket_id", ticket.toString())).status())
                .isEqualTo(201);

        assertThat(api.get(partyPath, null).body().path("tickets_sold").asInt()).isEqualTo(SEATS);
        office = api.get(partyPath + "/box-office", admin).body();
        assertThat(office.path("tickets_sold").asInt()).isEqualTo(SEATS);
        assertThat(office.path("seats_held").asInt()).isZero();
        assertThat(office.path("tickets_cancelled").asInt()).isEqualTo(GIVING_BACK);
        assertThat(office.path("waiting").asInt()).isEqualTo(IN_LINE - GIVING_BACK - 1);

        // the party's stream, its WatchPartyLog, holds every step in order
        List<String> steps = jdbc.sql("""
                        select payloadtype from domainevententry where aggregateidentifier = ?
                        order by sequencenumber""").param(party.toString()).query(String.class).list()
                .stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
        assertThat(steps.stream().filter("TicketPurchasedEvent"::equals)).hasSize(SEATS + GIVING_BACK);
        assertThat(steps.stream().filter("WaitingListJoinedEvent"::equals)).hasSize(IN_LINE);
        assertThat(steps.stream().filter("PurchaseCancelledEvent"::equals)).hasSize(GIVING_BACK);
        assertThat(steps.stream().filter("SeatHeldEvent"::equals)).hasSize(GIVING_BACK + 1);
        assertThat(steps.stream().filter("SeatHoldExpiredEvent"::equals)).hasSize(1);
        assertThat(steps.subList(steps.indexOf("SeatHoldExpiredEvent"), steps.size()))
                .containsSubsequence("SeatHoldExpiredEvent", "SeatHeldEvent", "TicketPurchasedEvent");

        // the buyers' own lists: a ticket given back shows its refund, a held one the party's status
        JsonNode given = api.get("/me/tickets", holders.get(0)).body().path("items").get(0);
        assertThat(given.path("state").asText()).isEqualTo("cancelled");
        assertThat(given.path("refund_amount").asText()).isEqualTo("4.00");
        JsonNode bought = api.get("/me/tickets", sixth).body().path("items");
        assertThat(StreamSupport.stream(bought.spliterator(), false))
                .singleElement().satisfies(t -> {
                    assertThat(t.path("state").asText()).isEqualTo("active");
                    assertThat(t.path("party_status").asText()).isEqualTo("upcoming");
                    assertThat(t.path("watch_party_id").asText()).isEqualTo(party.toString());
                });
    }

    private static Api.Response place(Api api, String partyPath, Api.User user) {
        return api.get(partyPath + "/waiting-list/me", user);
    }

    private static List<Api.Response> inParallel(List<Api.User> users,
                                                 Function<Api.User, Api.Response> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Api.Response>> futures = users.stream().map(u -> pool.submit(() -> call.apply(u))).toList();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
