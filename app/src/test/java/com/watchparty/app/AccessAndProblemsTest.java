package com.watchparty.app;

import com.watchparty.app.support.Api;
import com.watchparty.app.support.WatchPartyIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may do what, and how every bad request is answered: a 4xx problem+json with a stable code. */
class AccessAndProblemsTest extends WatchPartyIntegrationTest {

    Api.User user;

    @BeforeEach
    void setUp() {
        user = api.user("Bob");
    }

    @ParameterizedTest
    @CsvSource({"/movies", "/tickets", "/watch-parties"})
    void adminEndpointsRefuseAnonymousCallsWith401AndUsersWith403(String path) {
        assertProblem(api.post(path, null, Map.of()), 401, "unauthorized");
        assertProblem(api.post(path, user, Map.of()), 403, "forbidden");
    }

    @Test
    void patchingAPartyNeedsAnAdmin() {
        UUID party = futureParty(5);
        assertProblem(api.patch("/watch-parties/" + party, null, Map.of("is_featured", true)), 401, "unauthorized");
        assertProblem(api.patch("/watch-parties/" + party, user, Map.of("is_featured", true)), 403, "forbidden");
    }

    @Test
    void purchasesAndLogsNeedAToken() {
        UUID party = futureParty(5);
        assertProblem(api.post("/watch-parties/" + party + "/purchase", null, Map.of("ticket_id", UUID.randomUUID())),
                401, "unauthorized");
        assertProblem(api.get("/watch-parties/" + party + "/logs", null), 401, "unauthorized");
    }

    @Test
    void aForgedTokenIsRefused() {
        Api.User forged = new Api.User(user.id(), "Bob", user.token().substring(0, user.token().length() - 4) + "AAAA");
        assertProblem(api.post("/watch-parties/" + futureParty(5) + "/purchase", forged,
                Map.of("ticket_id", UUID.randomUUID())), 401, "unauthorized");
    }

    @Test
    void malformedJsonIsA400() {
        assertProblem(api.postRaw("/watch-parties", admin, "{\"movie_id\": "), 400, "malformed_request");
    }

    @Test
    void anUnknownFieldIsA400NamingIt() {
        var response = api.patch("/watch-parties/" + futureParty(5), admin, Map.of("max_participant", 3));
        assertProblem(response, 400, "validation_failed");
        assertThat(response.text("field")).isEqualTo("max_participant");
    }

    @Test
    void aValueOfTheWrongTypeIsA400NamingTheField() {
        var response = api.patch("/watch-parties/" + futureParty(5), admin, Map.of("max_participants", "many"));
        assertProblem(response, 400, "validation_failed");
        assertThat(response.text("field")).isEqualTo("max_participants");
    }

    @Test
    void anExplicitNullInAPatchIsA400NamingTheField() {
        var response = api.patch("/watch-parties/" + futureParty(5), admin, "{\"start_time\": null}");
        assertProblem(response, 400, "validation_failed");
        assertThat(response.text("field")).isEqualTo("start_time");
    }

    @Test
    void aMissingRequiredFieldIsA400NamingIt() {
        var response = api.post("/watch-parties", admin, Map.of("start_time", Instant.now().plusSeconds(60).toString()));
        assertProblem(response, 400, "validation_failed");
        assertThat(response.text("field")).isNotBlank();
    }

    @Test
    void aBadUuidInThePathIsA400() {
        assertProblem(api.get("/watch-parties/not-a-uuid", null), 400, "invalid_parameter");
    }

    @Test
    void anUnknownPartyIsA404() {
        assertProblem(api.get("/watch-parties/" + UUID.randomUUID(), null), 404, "party_not_found");
        assertProblem(api.patch("/watch-parties/" + UUID.randomUUID(), admin, Map.of("is_featured", true)),
                404, "party_not_found");
        assertProblem(api.post("/watch-parties/" + UUID.randomUUID() + "/purchase", user,
                Map.of("ticket_id", UUID.randomUUID().toString())), 404, "party_not_found");
    }

    @Test
    void aPartyForAnUnknownMovieIsA422() {
        var response = api.scheduleParty(admin, UUID.randomUUID(), Instant.now().plusSeconds(60),
                Instant.now().plusSeconds(120), 5);
        assertProblem(response, 422, "movie_not_found");
        assertThat(response.text("field")).isEqualTo("movie_id");
    }

    @Test
    void domainRulesAreA4xxWithTheirOwnCode() {
        UUID movie = api.movie(admin, 600);
        assertProblem(api.scheduleParty(admin, movie, Instant.now().plusSeconds(120), Instant.now().plusSeconds(60), 5),
                400, "validation_failed");
        assertProblem(api.scheduleParty(admin, movie, Instant.now().minusSeconds(60), Instant.now().plusSeconds(60), 5),
                400, "validation_failed");
        assertProblem(api.scheduleParty(admin, movie, Instant.now().plusSeconds(60), Instant.now().plusSeconds(120), 10_001),
                400, "validation_failed");
        assertProblem(api.post("/watch-parties/" + futureParty(5) + "/purchase", user,
                Map.of("ticket_id", UUID.randomUUID().toString())), 422, "ticket_not_found");
    }

    @Test
    void maxParticipantsCannotGoBelowTicketsSold() {
        UUID party = futureParty(5);
        UUID ticket = api.ticket(admin, "1.00", false);
        api.post("/watch-parties/" + party + "/purchase", api.user("Eve"), Map.of("ticket_id", ticket.toString()));
        api.post("/watch-parties/" + party + "/purchase", api.user("Fay"), Map.of("ticket_id", ticket.toString()));

        var response = api.patch("/watch-parties/" + party, admin, Map.of("max_participants", 1));
        assertProblem(response, 409, "below_tickets_sold");
        assertThat(response.text("field")).isEqualTo("max_participants");
    }

    @Test
    void aPartysLogAndReplayAreForItsTicketHoldersAndAdmins() {
        UUID party = futureParty(5);
        UUID ticket = api.ticket(admin, "5.00", false);
        Api.User holder = api.user("Hana");
        assertThat(api.post("/watch-parties/" + party + "/purchase", holder,
                java.util.Map.of("ticket_id", ticket.toString())).status()).isEqualTo(201);

        for (String path : new String[] {"/logs", "/logs/stream", "/replay", "/replay/stream"}) {
            assertProblem(api.get("/watch-parties/" + party + path, user), 403, "ticket_required");
        }
        for (Api.User reader : new Api.User[] {holder, admin}) {
            assertThat(api.get("/watch-parties/" + party + "/logs", reader).status()).isEqualTo(200);
            assertThat(api.get("/watch-parties/" + party + "/logs/stream", reader).status()).isEqualTo(200);
            assertProblem(api.get("/watch-parties/" + party + "/replay", reader), 409, "party_not_finished");
        }
    }

    @Test
    void badPagingAndFiltersAreA400() {
        assertProblem(api.get("/watch-parties?status=soon", null), 400, "invalid_parameter");
        assertProblem(api.get("/watch-parties?size=100000", null), 400, "invalid_parameter");
        assertProblem(api.get("/watch-parties?page=-1", null), 400, "invalid_parameter");
        assertProblem(api.get("/watch-parties?featured=maybe", null), 400, "invalid_parameter");
    }

    @Test
    void theDevTokenRouteMintsTokensThatTheApiAccepts() {
        UUID ticket = api.ticket(admin, "5.00", false);
        assertThat(api.post("/watch-parties/" + futureParty(5) + "/purchase", user,
                java.util.Map.of("ticket_id", ticket.toString())).status()).isEqualTo(201);
    }

    private UUID futureParty(int seats) {
        return api.scheduleParty(admin, api.movie(admin, 600), Instant.now().plusSeconds(3600),
                Instant.now().plusSeconds(7200), seats).id();
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("code")).isEqualTo(code);
    }
}
