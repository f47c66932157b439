package com.watchparty.app.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.watchparty.api.chat.SendChatMessageCommand;
import com.watchparty.api.playback.ControlPlaybackCommand;
import com.watchparty.api.playback.PlayerAction;
import com.watchparty.api.presence.JoinPartyCommand;
import com.watchparty.api.presence.LeavePartyCommand;
import com.watchparty.app.support.Api;
import com.watchparty.app.support.WatchPartyIntegrationTest;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding a projection from the event store through the admin API gives back the same table, row for row,
 * and only admins may do it. A context (so a database) of its own: no other test's events, such as a deadline
 * that fires, may land in the store between the snapshot of a table and its rebuild.
 */
@TestPropertySource(properties = "watchparty.projections.watch-interval=200ms")
class ProjectionRebuildTest extends WatchPartyIntegrationTest {

    private static final String PARTIES = """
            select * from watch_party_view order by id""";
    private static final String LOG = """
            select event_id, party_id, sequence_number, user_id, event_type, content::text as content, real_time
            from party_log order by party_id, sequence_number, event_id""";
    private static final String TIMELINE = """
            select party_id, sequence_number, event_id, event_type, user_id, content::text as content, real_time,
                   media_time from replay_event order by party_id, sequence_number""";
    private static final String SEGMENTS = """
            select * from replay_segment order by party_id, from_real_time""";

    @Test
    void rebuildingTheProjectionsGivesBackTheSameRows() {
        List<UUID> parties = anEveningOfParties();
        awaitAllProjectionsCaughtUp();
        List<Map<String, Object>> partiesBefore = jdbc.sql(PARTIES).query().listOfRows();
        List<Map<String, Object>> logBefore = jdbc.sql(LOG).query().listOfRows();
        List<Map<String, Object>> timelineBefore = jdbc.sql(TIMELINE).query().listOfRows();
        List<Map<String, Object>> segmentsBefore = jdbc.sql(SEGMENTS).query().listOfRows();
        assertThat(timelineBefore).hasSameSizeAs(logBefore);
        assertThat(partiesBefore).hasSizeGreaterThanOrEqualTo(4);
        assertThat(logBefore).extracting(row -> row.get("event_type"))
                .contains("JOIN", "LEAVE", "MESSAGE", "SEEK", "PLAY");

        // spoil both tables, so only a real rebuild from the events gives the rows back
        jdbc.sql("update watch_party_view set tickets_sold = 999, status = 'FINISHED' where id = ?")
                .param(parties.get(0)).update();
        jdbc.sql("delete from party_log where party_id = ?").param(parties.get(0)).update();
        jdbc.sql("update replay_event set media_time = -1 where party_id = ?").param(parties.get(0)).update();
        assertThat(jdbc.sql(PARTIES).query().listOfRows()).isNotEqualTo(partiesBefore);

        rebuild("watch-parties");
        rebuild("party-log");
        rebuild("replay-timeline");

        assertThat(jdbc.sql(PARTIES).query().listOfRows()).containsExactlyElementsOf(partiesBefore);
        assertThat(jdbc.sql(LOG).query().listOfRows()).containsExactlyElementsOf(logBefore);
        assertThat(jdbc.sql(TIMELINE).query().listOfRows()).containsExactlyElementsOf(timelineBefore);
        assertThat(jdbc.sql(SEGMENTS).query().listOfRows()).containsExactlyElementsOf(segmentsBefore);
        // and the API reads the rebuilt projection
        assertThat(api.get("/watch-parties/" + parties.get(0), null).body().path("tickets_sold").asInt()).isEqualTo(3);
    }

    @Test
    void theStatusListsEveryStreamingProcessorWithItsProgress() {
        api.movie(admin, 60);
        awaitAllProjectionsCaughtUp();

        Api.Response overview = api.get("/admin/projections", admin);

        assertThat(overview.status()).isEqualTo(200);
        long head = overview.body().path("head_position").asLong();
        assertThat(head).isPositive();
        JsonNode movies = byName(overview.body(), "movies");
        assertThat(movies.path("rebuildable").asBoolean()).isTrue();
        assertThat(movies.path("running").asBoolean()).isTrue();
        assertThat(movies.path("replaying").asBoolean()).isFalse();
        assertThat(movies.path("error").asBoolean()).isFalse();
        assertThat(movies.path("claimed_segments").asInt()).isEqualTo(1);
        assertThat(movies.path("total_segments").asInt()).isEqualTo(1);
        assertThat(movies.path("position").asLong()).isEqualTo(head);
        assertThat(movies.path("progress_percent").asDouble()).isEqualTo(100.0);
        assertThat(movies.path("segments")).hasSize(1);
        assertThat(names(overview.body())).contains("movies", "tickets", "watch-parties", "party-log", "room-feed");
        assertThat(byName(overview.body(), "room-feed").path("rebuildable").asBoolean()).isFalse();
    }

    @Test
    void onlyAdminsMayUseTheAdminApi() {
        Api.User user = api.user("Bob");
        assertProblem(api.get("/admin/projections", null), 401, "unauthorized");
        assertProblem(api.get("/admin/projections", user), 403, "forbidden");
        assertProblem(api.get("/admin/projections/movies", user), 403, "forbidden");
        assertProblem(api.post("/admin/projections/movies/rebuild", null, Map.of()), 401, "unauthorized");
        assertProblem(api.post("/admin/projections/movies/rebuild", user, Map.of()), 403, "forbidden");
    }

    @Test
    void anUnknownProjectionIsA404() {
        assertProblem(api.post("/admin/projections/no-such-thing/rebuild", admin, Map.of()), 404, "not_found");
        assertProblem(api.get("/admin/projections/no-such-thing", admin), 404, "not_found");
    }

    @Test
    void theRoomFeedIsNoProjectionAndIsNeverRebuilt() {
        assertProblem(api.post("/admin/projections/room-feed/rebuild", admin, Map.of()), 409, "not_rebuildable");
        assertThat(api.get("/admin/projections/room-feed", admin).body().path("rebuild").isNull()).isTrue();
    }

    /** Movies, tickets, parties (one featured, one finished, one under way), purchases, joins, chat, playback. */
    private List<UUID> anEveningOfParties() {
        UUID film = api.movie(admin, 5400);
        UUID shortFilm = api.movie(admin, 100);
        UUID seat = api.ticket(admin, "4.99", false);
        UUID voucher = api.ticket(admin, "12.50", true);
        Instant later = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        Instant soon = Instant.now().plusSeconds(2);

        UUID lobby = api.scheduleParty(admin, film, later, later.plus(Duration.ofHours(2)), 10).id();
        UUID featured = api.scheduleParty(admin, film, later.plusSeconds(3600), later.plusSeconds(9000), 5).id();
        UUID running = api.scheduleParty(admin, shortFilm, soon, soon.plusSeconds(3600), 10).id();
        UUID over = api.scheduleParty(admin, shortFilm, soon, soon.plusSeconds(2), 10).id();
        assertThat(api.patch("/watch-parties/" + featured, admin, Map.of("is_featured", true, "max_participants", 8))
                .status()).isEqualTo(200);
        assertThat(api.patch("/watch-parties/" + running, admin, Map.of("host_only_playback", true)).status())
                .isEqualTo(200);

        List<Api.User> guests = new ArrayList<>();
        for (String name : List.of("Bob", "Cy", "Dee")) {
            Api.User guest = api.user(name);
            guests.add(guest);
            purchase(lobby, guest, name.equals("Dee") ? voucher : seat);
        }
        purchase(featured, guests.get(0), seat);
        purchase(running, guests.get(1), seat);

        Api.User bob = guests.get(0);
        Api.User cy = guests.get(1);
        commands.sendAndWait(new JoinPartyCommand(lobby, bob.id(), bob.name(), false));
        commands.sendAndWait(new JoinPartyCommand(lobby, cy.id(), cy.name(), false));
        commands.sendAndWait(new SendChatMessageCommand(lobby, UUID.randomUUID(), bob.id(), "hello all"));
        commands.sendAndWait(new SendChatMessageCommand(lobby, UUID.randomUUID(), cy.id(), "hi Bob"));
        commands.sendAndWait(new LeavePartyCommand(lobby, cy.id()));

        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/watch-parties/" + running, null).text("status").equals("ongoing")
                        && api.get("/watch-parties/" + over, null).text("status").equals("finished"));
        commands.sendAndWait(new JoinPartyCommand(running, admin.id(), admin.name(), true));
        commands.sendAndWait(new JoinPartyCommand(running, cy.id(), cy.name(), false));
        commands.sendAndWait(new ControlPlaybackCommand(running, admin.id(), PlayerAction.SEEK, 30, true));
        commands.sendAndWait(new ControlPlaybackCommand(running, admin.id(), PlayerAction.PLAY, 30, true));
        commands.sendAndWait(new SendChatMessageCommand(running, UUID.randomUUID(), cy.id(), "great film"));
        return List.of(lobby, featured, running, over);
    }

    private void purchase(UUID party, Api.User user, UUID ticket) {
        assertThat(api.post("/watch-parties/" + party + "/purchase", user, Map.of("ticket_id", ticket.toString()))
                .status()).isEqualTo(201);
    }

    /** Asks for a rebuild and waits until the status says it caught up: not replaying, at the head of the store. */
    private void rebuild(String name) {
        Api.Response accepted = api.post("/admin/projections/" + name + "/rebuild", admin, Map.of());
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        assertThat(accepted.raw().headers().firstValue("location")).hasValue("/admin/projections/" + name);
        assertThat(accepted.text("name")).isEqualTo(name);
        assertThat(accepted.body().path("rebuild").path("state").asText())
                .isIn("stopping", "resetting", "replaying", "caught_up");
        assertThat(accepted.body().path("rebuild").path("requested_at").asText()).isNotBlank();

        JsonNode status = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/admin/projections/" + name, admin).body(),
                        hasCaught(s -> s.path("rebuild").path("state").asText().equals("caught_up") && caughtUp(s)));
        assertThat(status.path("rebuild").path("head_at_reset").asLong()).isPositive();
        assertThat(status.path("rebuild").path("replay_started_at").asText()).isNotBlank();
        assertThat(status.path("rebuild").path("finished_at").asText()).isNotBlank();
        assertThat(status.path("rebuild").path("error").isNull()).isTrue();
    }

    private void awaitAllProjectionsCaughtUp() {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/admin/projections", admin).body(),
                        hasCaught(overview -> StreamSupport.stream(overview.path("projections").spliterator(), false)
                                .filter(p -> p.path("rebuildable").asBoolean())
                                .allMatch(ProjectionRebuildTest::caughtUp)));
    }

    /** A matcher, so that a timeout shows the last status seen. */
    private static Matcher<JsonNode> hasCaught(Predicate<JsonNode> caughtUp) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(JsonNode status) {
                return caughtUp.test(status);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a status that has caught up with the event store");
            }
        };
    }

    private static boolean caughtUp(JsonNode status) {
        return status.path("caught_up").asBoolean()
                && status.path("running").asBoolean()
                && !status.path("replaying").asBoolean()
                && !status.path("error").asBoolean()
                && status.path("claimed_segments").asInt() > 0
                && status.path("claimed_segments").asInt() == status.path("total_segments").asInt()
                && status.path("position").asLong() == status.path("head_position").asLong();
    }

    private static JsonNode byName(JsonNode overview, String name) {
        return StreamSupport.stream(overview.path("projections").spliterator(), false)
                .filter(p -> p.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not in " + overview));
    }

    private static List<String> names(JsonNode overview) {
        return StreamSupport.stream(overview.path("projections").spliterator(), false)
                .map(p -> p.path("name").asText()).toList();
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("code")).isEqualTo(code);
    }
}
