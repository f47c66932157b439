package com.watchparty.app.ticketing;

import com.watchparty.app.support.Api;
import com.watchparty.app.support.Instances;
import com.watchparty.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A seat held for the waiting list is held by a persistent deadline: a hold that ran out while the service was down
 * ends when it starts again, and the seat goes to the next in line.
 */
class HoldsAfterRestartTest {

    private static final TestDatabases.Database DATABASE = TestDatabases.create();
    private static final String[] SHORT_HOLDS = {"--watchparty.ticketing.hold-time=3s",
            "--watchparty.ticketing.min-hold-time=3s"};

    @AfterAll
    static void dropDatabase() {
        DATABASE.drop();
    }

    @Test
    void aHoldThatRanOutWhileTheServiceWasDownPassesDownTheLineOnStartUp() {
        UUID party;
        Api.User bob;
        Api.User carol;
        Instant holdExpiresAt;
        try (var before = Instances.start(DATABASE, SHORT_HOLDS)) {
            Api api = new Api(Instances.port(before));
            Api.User admin = api.admin("Ada");
            UUID ticket = api.ticket(admin, "5.00", false);
            party = api.scheduleParty(admin, api.movie(admin, 600), Instant.now().plus(Duration.ofHours(2)),
                    Instant.now().plus(Duration.ofHours(3)), 1).id();
            Api.User ann = api.user("Ann");
            bob = api.user("Bob");
            carol = api.user("Carol");
            assertThat(api.post("/watch-parties/" + party + "/purchase", ann, Map.of("ticket_id", ticket.toString()))
                    .status()).isEqualTo(201);
            assertThat(api.post("/watch-parties/" + party + "/waiting-list", bob, Map.of()).status()).isEqualTo(200);
            assertThat(api.post("/watch-parties/" + party + "/waiting-list", carol, Map.of()).status()).isEqualTo(200);
            assertThat(api.post("/watch-parties/" + party + "/purchase/cancel", ann, Map.of()).status())
                    .isEqualTo(200);
            Api.Response bobsPlace = api.get("/watch-parties/" + party + "/waiting-list/me", bob);
            assertThat(bobsPlace.text("state")).isEqualTo("holding");
            holdExpiresAt = Instant.parse(bobsPlace.text("hold_expires_at"));
        }
        // the hold runs out while no instance is up
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(holdExpiresAt));

        try (var after = Instances.start(DATABASE, SHORT_HOLDS)) {
            Api api = new Api(Instances.port(after));
            String carolsPlace = "/watch-parties/" + party + "/waiting-list/me";
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    "holding".equals(api.get(carolsPlace, carol).text("state")));
            assertThat(api.get(carolsPlace, bob).status()).isEqualTo(404);
        }
    }
}
