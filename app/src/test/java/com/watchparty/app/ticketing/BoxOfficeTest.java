package com.watchparty.app.ticketing;

import com.watchparty.app.support.Api;
import com.watchparty.app.support.WatchPartyIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Voucher codes, private parties and cancellations, end to end against the running service. */
class BoxOfficeTest extends WatchPartyIntegrationTest {

    @Test
    void fiftyConcurrentRedemptionsOfACodeForTenSellExactlyTen() throws Exception {
        Api.User admin = api.admin("Box office");
        UUID voucher = api.ticket(admin, "9.90", true);
        UUID party = party(api, admin, 100, null).id();
        assertThat(api.post("/tickets/" + voucher + "/vouchers", admin, Map.of("code", "PREMIERE10", "max_usages", 10,
                "valid_until", Instant.now().plus(Duration.ofDays(1)).toString())).status()).isEqualTo(201);
        List<Api.User> fans = IntStream.range(0, 50).mapToObj(i -> api.user("fan-" + i)).toList();

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(fans.size());
        List<Future<Api.Response>> futures = new ArrayList<>();
        for (Api.User fan : fans) {
            futures.add(pool.submit(() -> {
                go.await();
                return api.post("/watch-parties/" + party + "/purchase", fan,
                        Map.of("ticket_id", voucher.toString(), "voucher_code", "PREMIERE10"));
            }));
        }
        go.countDown();
        List<Api.Response> answers = new ArrayList<>();
        for (Future<Api.Response> future : futures) {
            answers.add(future.get());
        }
        pool.shutdown();

        assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(10)
                .allSatisfy(r -> assertThat(r.text("price_paid")).isEqualTo("0.00"));
        assertThat(answers).filteredOn(r -> r.status() != 201).hasSize(40)
                .allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(422);
                    assertThat(r.text("code")).isEqualTo("voucher_used_up");
                });
        assertThat(jdbc.sql("""
                        select count(*) from domainevententry where aggregateidentifier = ?
                        and payloadtype like '%TicketPurchasedEvent'""")
                .param(party.toString()).query(Long.class).single()).isEqualTo(10);
    }

    @Test
    void aWrongAnExpiredAndAMissingCodeAreRefusedEachWithItsCode() {
        Api.User admin = api.admin("Box office");
        UUID voucher = api.ticket(admin, "9.90", true);
        UUID party = party(api, admin, 10, null).id();
        UUID otherParty = party(api, admin, 10, null).id();
        Api.User ann = api.user("Ann");
        Instant soonGone = Instant.now().plusSeconds(2);
        assertThat(api.post("/tickets/" + voucher + "/vouchers", admin, Map.of("code", "SOON-GONE", "max_usages", 5,
                "valid_until", soonGone.toString())).status()).isEqualTo(201);
        assertThat(api.post("/tickets/" + voucher + "/vouchers", admin, Map.of("code", "ELSEWHERE", "max_usages", 5,
                "valid_until", Instant.now().plus(Duration.ofDays(1)).toString(),
                "watch_party_id", otherParty.toString())).status()).isEqualTo(201);

        assertRefused(redeem(api, ann, party, voucher, "NO-SUCH-CODE"), 422, "voucher_invalid");
        assertRefused(redeem(api, ann, party, voucher, "ELSEWHERE"), 422, "voucher_invalid");
        assertRefused(api.post("/watch-parties/" + party + "/purchase", ann, Map.of("ticket_id", voucher.toString())),
                422, "voucher_invalid");
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(soonGone));
        assertRefused(redeem(api, ann, party, voucher, "SOON-GONE"), 422, "voucher_expired");
        assertThat(redeem(api, ann, otherParty, voucher, "ELSEWHERE").status()).isEqualTo(201);
        assertRefused(api.post("/tickets/" + voucher + "/vouchers", admin, Map.of("code", "ELSEWHERE",
                "max_usages", 1, "valid_until", Instant.now().plus(Duration.ofDays(1)).toString())),
                409, "voucher_code_taken");
        assertRefused(api.post("/tickets/" + voucher + "/vouchers", ann, Map.of("code", "MINE", "max_usages", 1,
                "valid_until", Instant.now().plus(Duration.ofDays(1)).toString())), 403, "forbidden");
    }

    @Test
    void aUseIsGivenBackWhenThePartyRefusesThePurchase() {
        Api.User admin = api.admin("Box office");
        UUID voucher = api.ticket(admin, "9.90", true);
        UUID standard = api.ticket(admin, "5.00", false);
        UUID full = party(api, admin, 1, null).id();
        UUID open = party(api, admin, 10, null).id();
        assertThat(api.post("/watch-parties/" + full + "/purchase", api.user("First"),
                Map.of("ticket_id", standard.toString())).status()).isEqualTo(201);
        api.post("/tickets/" + voucher + "/vouchers", admin, Map.of("code", "ONCE-ONLY", "max_usages", 1,
                "valid_until", Instant.now().plus(Duration.ofDays(1)).toString()));
        Api.User ann = api.user("Ann");

        assertRefused(redeem(api, ann, full, voucher, "ONCE-ONLY"), 409, "sold_out");
        assertThat(redeem(api, ann, open, voucher, "ONCE-ONLY").status()).isEqualTo(201);
    }

    @Test
    void privatePartiesAreLeftOutOfTheListAndAnInvitationCodeBuysASeat() {
        Api.User admin = api.admin("Box office");
        UUID ticket = api.ticket(admin, "5.00", false);
        UUID unlisted = party(api, admin, 10, "unlisted").id();
        Api.Response created = party(api, admin, 10, "invite_only");
        UUID invited = created.id();
        String code = created.text("invitation_code");
        assertThat(created.text("access")).isEqualTo("invite_only");
        assertThat(code).hasSize(22);
        Api.User ann = api.user("Ann");

        List<String> listed = StreamSupport.stream(api.get("/watch-parties?size=200", null).body().path("items")
                .spliterator(), false).map(p -> p.path("id").asText()).toList();
        assertThat(listed).doesNotContain(unlisted.toString(), invited.toString());
        assertThat(api.get("/watch-parties/" + unlisted, null).text("access")).isEqualTo("unlisted");
        assertThat(api.post("/watch-parties/" + unlisted + "/purchase", ann, Map.of("ticket_id", ticket.toString()))
                .status()).isEqualTo(201);

        String purchase = "/watch-parties/" + invited + "/purchase";
        assertRefused(api.post(purchase, ann, Map.of("ticket_id", ticket.toString())), 403, "invitation_required");
        assertRefused(api.post(purchase, ann, Map.of("ticket_id", ticket.toString(), "invitation_code", "guessed-code")),
                403, "invitation_invalid");
        Api.Response rotated = api.post("/watch-parties/" + invited + "/invitation-code", admin, Map.of());
        assertThat(rotated.status()).isEqualTo(200);
        String newCode = rotated.text("invitation_code");
        assertThat(newCode).isNotEqualTo(code);
        assertRefused(api.post(purchase, ann, Map.of("ticket_id", ticket.toString(), "invitation_code", code)),
                403, "invitation_invalid");
        assertThat(api.post(purchase, ann, Map.of("ticket_id", ticket.toString(), "invitation_code", newCode)).status())
                .isEqualTo(201);
        assertThat(api.get("/watch-parties/" + invited + "/box-office", admin).text("invitation_code"))
                .isEqualTo(newCode);
        assertRefused(api.get("/watch-parties/" + invited + "/box-office", ann), 403, "forbidden");
        assertRefused(api.post("/watch-parties/" + unlisted + "/invitation-code", admin, Map.of()), 409,
                "not_invite_only");
    }

    @Test
    void aTicketIsGivenBackUntilTheCutoffByPostOrDelete() {
        Api.User admin = api.admin("Box office");
        UUID ticket = api.ticket(admin, "5.00", false);
        UUID later = party(api, admin, 10, null).id();
        UUID soon = api.scheduleParty(admin, api.movie(admin, 600), Instant.now().plus(Duration.ofMinutes(30)),
                Instant.now().plus(Duration.ofMinutes(90)), 10).id();
        Api.User ann = api.user("Ann");
        api.post("/watch-parties/" + later + "/purchase", ann, Map.of("ticket_id", ticket.toString()));
        api.post("/watch-parties/" + soon + "/purchase", ann, Map.of("ticket_id", ticket.toString()));

        Api.Response deleted = api.delete("/watch-parties/" + later + "/purchase", ann);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.text("refund_amount")).isEqualTo("4.00");
        assertThat(api.get("/watch-parties/" + later, null).body().path("tickets_sold").asInt()).isZero();
        assertRefused(api.delete("/watch-parties/" + later + "/purchase", ann), 404, "purchase_not_found");
        assertRefused(api.post("/watch-parties/" + soon + "/purchase/cancel", ann, Map.of()), 409,
                "cancellation_closed");
        assertRefused(api.post("/watch-parties/" + later + "/waiting-list", ann, Map.of()), 409, "seats_available");
        assertThat(api.post("/watch-parties/" + later + "/purchase", ann, Map.of("ticket_id", ticket.toString()))
                .status()).as("a ticket given back can be bought again").isEqualTo(201);
    }

    private static Api.Response party(Api api, Api.User admin, int seats, String access) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("movie_id", api.movie(admin, 3600).toString());
        body.put("start_time", Instant.now().plus(Duration.ofHours(3)).toString());
        body.put("end_time", Instant.now().plus(Duration.ofHours(5)).toString());
        body.put("max_participants", seats);
        if (access != null) {
            body.put("access", access);
        }
        Api.Response created = api.post("/watch-parties", admin, body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created;
    }

    private static Api.Response redeem(Api api, Api.User user, UUID party, UUID voucher, String code) {
        return api.post("/watch-parties/" + party + "/purchase", user,
                Map.of("ticket_id", voucher.toString(), "voucher_code", code));
    }

    private static void assertRefused(Api.Response response, int status, String code) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(status);
        assertThat(response.text("code")).isEqualTo(code);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
