package com.watchparty.app;

import com.watchparty.app.support.Api;
import com.watchparty.app.support.WatchPartyIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Seats are never oversold, however many people press "buy" at once. */
class ConcurrentPurchaseTest extends WatchPartyIntegrationTest {

    static final int SEATS = 20;
    static final int BUYERS = 200;

    @Test
    void twoHundredConcurrentPurchasesOnTwentySeatsSellExactlyTwenty() throws Exception {
        UUID ticket = api.ticket(admin, "3.00", false);
        UUID party = api.scheduleParty(admin, api.movie(admin, 3600), Instant.now().plusSeconds(3600),
                Instant.now().plusSeconds(7200), SEATS).id();
        List<Api.User> buyers = IntStream.range(0, BUYERS).mapToObj(i -> api.user("buyer-" + i)).toList();

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(BUYERS);
        List<Future<Api.Response>> responses = buyers.stream().map(buyer -> pool.submit(() -> {
            go.await();
            return api.post("/watch-parties/" + party + "/purchase", buyer, Map.of("ticket_id", ticket.toString()));
        })).toList();
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        List<Api.Response> results = responses.stream().map(ConcurrentPurchaseTest::get).toList();
        assertThat(results).filteredOn(r -> r.status() == 201).hasSize(SEATS);
        assertThat(results).filteredOn(r -> r.status() != 201)
                .hasSize(BUYERS - SEATS)
                .allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(409);
                    assertThat(r.text("code")).isEqualTo("sold_out");
                });
        assertThat(jdbc.sql("select count(*) from domainevententry where aggregateidentifier = ? and payloadtype like '%TicketPurchasedEvent'")
                .param(party.toString()).query(Long.class).single()).isEqualTo(SEATS);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/watch-parties/" + party, null).body().path("tickets_sold").asInt() == SEATS);
    }

    private static Api.Response get(Future<Api.Response> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
