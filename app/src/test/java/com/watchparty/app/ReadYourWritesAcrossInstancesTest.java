package com.watchparty.app;

import com.watchparty.app.support.Api;
import com.watchparty.app.support.Instances;
import com.watchparty.testsupport.TestDatabases;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With several instances on one database, the instance that takes a request is often not the one projecting its
 * party, and Axon's query updates never leave the JVM that emits them. Answers that wait for the projection still
 * answer with what the next read shows, and a purchase answers only once the party's view counts the seat.
 */
class ReadYourWritesAcrossInstancesTest {

    private static final TestDatabases.Database DATABASE = TestDatabases.create();
    private static final List<String> PROJECTIONS = List.of("movies", "tickets", "watch-parties");

    @AfterAll
    static void dropDatabase() {
        DATABASE.drop();
    }

    @Test
    void theInstanceTakingTheRequestNeedNotBeTheOneProjectingIt() throws Exception {
        // a wait long enough that an answer given without the view could only be a 202 after it
        try (var front = Instances.start(DATABASE, "--watchparty.web.projection-wait=20s");
             var projector = Instances.start(DATABASE)) {
            PROJECTIONS.forEach(group -> processor(front, group).shutDown());
            // the projector holds every segment of these projections, however many the token store has
            TokenStore tokens = projector.getBean(TokenStore.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> PROJECTIONS.stream()
                    .allMatch(group -> {
                        int segments = tokens.fetchSegments(group).length;
                        return segments > 0 && processor(projector, group).processingStatus().size() == segments;
                    }));
            Api api = new Api(Instances.port(front));
            Api.User admin = api.admin("Ada");

            Api.Response movie = api.post("/movies", admin, Map.of("title", "Across", "duration_seconds", 600,
                    "video_url", "/media/demo.webm"));
            assertThat(movie.status()).as(movie.body().toString()).isEqualTo(201);
            assertThat(movie.text("title")).isEqualTo("Across");
            UUID ticket = api.ticket(admin, "4.99", false);
            Instant start = Instant.now().plusSeconds(3600);
            Api.Response party = api.scheduleParty(admin, movie.id(), start, start.plusSeconds(3600), 1);
            assertThat(party.status()).isEqualTo(201);
            String path = "/watch-parties/" + party.id();
            Api.Response featured = api.patch(path, admin, Map.of("is_featured", true));
            assertThat(featured.status()).isEqualTo(200);
            assertThat(featured.body().path("is_featured").asBoolean()).isTrue();

            // no instance projects parties for a while: the purchase is made, but its answer waits for the view
            processor(projector, "watch-parties").shutDown();
            Api.User ann = api.user("Ann");
            CompletableFuture<Api.Response> bought = CompletableFuture.supplyAsync(() ->
                    api.post(path + "/purchase", ann, Map.of("ticket_id", ticket.toString())));
            JdbcClient store = projector.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> store.sql("select count(*) from domainevententry where "
                    + "aggregateidentifier = ? and payloadtype like '%.TicketPurchasedEvent'").param(party.id().toString())
                    .query(Long.class).single() == 1);
            assertThat(bought).as("answered before the party's view counted the seat").isNotDone();
            assertThat(api.get(path, admin).body().path("tickets_sold").asInt()).isZero();

            processor(projector, "watch-parties").start();
            assertThat(bought.get().status()).isEqualTo(201);
            Api.Response seen = api.get(path, api.user("Bob"));
            assertThat(seen.body().path("tickets_sold").asInt()).isEqualTo(1);
        }
    }

    private static StreamingEventProcessor processor(ConfigurableApplicationContext instance, String group) {
        return instance.getBean(EventProcessingConfiguration.class)
                .eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
    }
}
