package com.watchparty.app.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.watchparty.api.catalog.MovieAddedEvent;
import com.watchparty.api.chat.ChatMessageSentEvent;
import com.watchparty.api.party.WatchPartyScheduledEvent;
import com.watchparty.api.ticketing.TicketCreatedEvent;
import com.watchparty.app.support.Api;
import com.watchparty.app.support.WatchPartyIntegrationTest;
import com.watchparty.command.party.WatchParty;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
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
 * Events that the store holds but a projection cannot write (PostgreSQL refuses a NUL in text, a number too large
 * for its column) are appended straight to the event store, as old events already in a store may be, whatever the
 * commands accept today. Each is dead-lettered with its reason and parks the later events of its own movie or party,
 * while everything else in its segment, even in the same batch, keeps flowing; the admin status and health say so.
 * And a segment that stops moving is reported stalled, which takes the instance out of readiness.
 */
@TestPropertySource(properties = {"watchparty.projections.watch-interval=200ms",
        "watchparty.projections.stall-after=2s"})
class PoisonEventTest extends WatchPartyIntegrationTest {

    /** Promptly: well within the time a POST waits for its projection. */
    private static final Duration PROMPTLY = Duration.ofSeconds(5);
    /**
     * Axon gives a sequence (an aggregate) the segment {@code hash & (segments - 1)}: ids alike in the hash's lowest two
     * bits share a segment for every count up to four, application.yml's one included.
     */
    private static final int SEGMENT_MASK = 3;

    @Autowired
    EventStore eventStore;
    @Autowired
    DataSource dataSource;

    @Test
    void aMovieThatCannotBeProjectedIsDeadLetteredAndTheMoviesBehindItStillAppear() {
        UUID poison = UUID.randomUUID();
        List<UUID> behind = idsInTheSegmentOf(poison, 6);
        // one append, so the poison and the movies behind it are in one batch of its segment
        List<GenericDomainEventMessage<?>> events = new ArrayList<>();
        events.add(movieAdded(poison, 0, "Nul\u0000Title"));
        events.add(movieAdded(poison, 1, "The same movie, again"));
        behind.forEach(id -> events.add(movieAdded(id, 0, "Behind the poison")));
        eventStore.publish(events);

        await().atMost(PROMPTLY).untilAsserted(() ->
                behind.forEach(id -> assertThat(api.get("/movies/" + id, null).status()).isEqualTo(200)));
        for (int i = 0; i < 4; i++) {
            assertThat(api.post("/movies", admin, Map.of("title", "Later " + i, "duration_seconds", 60,
                    "video_url", "/media/demo.webm")).status()).isEqualTo(201);
        }
        // its later event is parked behind it, in order: the movie stays absent rather than half applied
        assertThat(api.get("/movies/" + poison, null).status()).isEqualTo(404);

        JsonNode movies = awaitStatus("movies", s -> s.path("dead_letters").path("letters").asInt() == 2);
        JsonNode deadLetters = movies.path("dead_letters");
        assertThat(deadLetters.path("sequences").asInt()).isEqualTo(1);
        JsonNode reason = deadLetters.path("latest").get(0);
        assertThat(reason.path("sequence").asText()).isEqualTo(poison.toString());
        assertThat(reason.path("event_type").asText()).isEqualTo(MovieAddedEvent.class.getName());
        assertThat(reason.path("cause_type").asText()).isNotBlank();
        assertThat(reason.path("cause_message").asText()).isNotBlank();
        assertThat(movies.path("error").asBoolean()).isFalse();
        assertThat(movies.path("stalled").asBoolean()).isFalse();
        awaitStatus("movies", s -> s.path("caught_up").asBoolean()); // a dead letter is no lag

        // one movie's problem: the instance stays ready, and health says what is dead-lettered
        Api.Response health = api.get("/actuator/health/readiness", admin);
        assertThat(health.status()).isEqualTo(200);
        JsonNode processors = health.body().path("components").path("eventProcessors");
        assertThat(processors.path("status").asText()).isEqualTo("UP");
        JsonNode healthLetters = processors.path("details").path("movies").path("deadLetters");
        assertThat(healthLetters.path("sequences").asInt()).isEqualTo(1);
        assertThat(healthLetters.path("latest").get(0).path("causeMessage").asText()).isNotBlank();
    }

    @Test
    void aChatLineThatCannotBeLoggedStopsOnlyItsOwnPartysLog() {
        Api.User bob = api.user("Bob");
        UUID poisoned = UUID.randomUUID();
        UUID neighbour = idsInTheSegmentOf(poisoned, 1).get(0);
        scheduleParty(poisoned);
        scheduleParty(neighbour);
        eventStore.publish(
                chat(poisoned, 1, bob, "before"),
                chat(poisoned, 2, bob, "a line with \u0000 in it"),
                chat(poisoned, 3, bob, "after"),
                chat(neighbour, 1, bob, "hello"),
                chat(neighbour, 2, bob, "still here"));

        await().atMost(PROMPTLY).untilAsserted(() ->
                assertThat(logContents(neighbour, admin)).containsExactly("hello", "still here"));
        assertThat(logContents(poisoned, admin)).containsExactly("before");
        JsonNode partyLog = awaitStatus("party-log", s -> s.path("dead_letters").path("letters").asInt() == 2);
        assertThat(partyLog.path("dead_letters").path("sequences").asInt()).isEqualTo(1);
        assertThat(partyLog.path("dead_letters").path("latest").get(0).path("sequence").asText())
                .isEqualTo(poisoned.toString());
    }

    @Test
    void aDeadLetterIsProjectedWhenRetriedAfterTheProjectionIsFixed() throws Exception {
        UUID ticket = UUID.randomUUID();
        eventStore.publish(new GenericDomainEventMessage<>("Ticket", ticket.toString(), 0,
                new TicketCreatedEvent(ticket, "Gold", new BigDecimal("10000000000"), "EUR", null, false)));
        awaitStatus("tickets", s -> s.path("dead_letters").path("sequences").asInt() == 1);
        assertThat(api.get("/tickets/" + ticket, null).status()).isEqualTo(404);
        // retried too early, it fails again and stays
        Api.Response tooEarly = api.post("/admin/projections/tickets/dead-letters/retry", admin, Map.of());
        assertThat(tooEarly.status()).as(tooEarly.body().toString()).isEqualTo(200);
        assertThat(tooEarly.body().path("dead_letters").path("sequences").asInt()).isEqualTo(1);

        // the fix: a column wide enough for the price
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("alter table ticket_view alter column price type numeric(20, 2)");
        }
        Api.Response retried = api.post("/admin/projections/tickets/dead-letters/retry", admin, Map.of());

        assertThat(retried.status()).as(retried.body().toString()).isEqualTo(200);
        assertThat(retried.body().path("dead_letters").path("sequences").asInt()).isZero();
        assertThat(api.get("/tickets/" + ticket, null).text("price")).isEqualTo("10000000000.00");
        assertThat(api.post("/admin/projections/room-feed/dead-letters/retry", admin, Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void aSegmentThatStopsMovingIsStalledAndTheInstanceNotReady() throws Exception {
        UUID movie = UUID.randomUUID();
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("lock table movie_view in access exclusive mode");
            eventStore.publish(movieAdded(movie, 0, "Waits for the lock"));

            JsonNode stalled = awaitStatus("movies", s -> s.path("stalled").asBoolean());
            assertThat(stalled.path("stalled_segments")).isNotEmpty();
            assertThat(stalled.path("caught_up").asBoolean()).isFalse();
            Api.Response health = api.get("/actuator/health/readiness", admin);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body().path("components").path("eventProcessors").path("details").path("movies")
                    .path("stalled").asBoolean()).isTrue();
            blocker.rollback();
        }
        await().atMost(PROMPTLY).until(() -> api.get("/movies/" + movie, null).status() == 200);
        awaitStatus("movies", s -> !s.path("stalled").asBoolean());
        assertThat(api.get("/actuator/health/readiness", admin).status()).isEqualTo(200);
    }

    private static GenericDomainEventMessage<MovieAddedEvent> movieAdded(UUID movie, long sequence, String title) {
        return new GenericDomainEventMessage<>("Movie", movie.toString(), sequence,
                new MovieAddedEvent(movie, title, 60, "/media/demo.webm", null));
    }

    private void scheduleParty(UUID party) {
        Instant start = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        eventStore.publish(new GenericDomainEventMessage<>(WatchParty.TYPE, party.toString(), 0,
                new WatchPartyScheduledEvent(party, UUID.randomUUID(), 60, start, start.plusSeconds(3600), false, 10,
                        admin.id())));
    }

    private static GenericDomainEventMessage<ChatMessageSentEvent> chat(UUID party, long sequence, Api.User user,
                                                                       String content) {
        return new GenericDomainEventMessage<>(WatchParty.TYPE, party.toString(), sequence,
                new ChatMessageSentEvent(party, UUID.randomUUID(), user.id(), content));
    }

    private List<String> logContents(UUID party, Api.User user) {
        Api.Response log = api.get("/watch-parties/" + party + "/logs", user);
        assertThat(log.status()).as(log.body().toString()).isEqualTo(200);
        return StreamSupport.stream(log.body().path("items").spliterator(), false)
                .map(entry -> entry.path("content").path("content").asText()).toList();
    }

    /** New aggregate ids that Axon puts in the same segment as {@code id}, so they queue behind its events. */
    private static List<UUID> idsInTheSegmentOf(UUID id, int count) {
        int segment = id.toString().hashCode() & SEGMENT_MASK;
        List<UUID> ids = new ArrayList<>();
        while (ids.size() < count) {
            UUID candidate = UUID.randomUUID();
            if ((candidate.toString().hashCode() & SEGMENT_MASK) == segment) {
                ids.add(candidate);
            }
        }
        return ids;
    }

    private JsonNode awaitStatus(String name, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/admin/projections/" + name, admin).body(), condition::test);
    }
}
