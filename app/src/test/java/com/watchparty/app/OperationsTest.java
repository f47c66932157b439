package com.watchparty.app;

import com.watchparty.app.support.Api;
import com.watchparty.app.support.WatchPartyIntegrationTest;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and API consumers rely on: health with the processors, metrics, the OpenAPI document. */
class OperationsTest extends WatchPartyIntegrationTest {

    @Test
    void readinessReportsTheDatabaseAndEveryEventProcessorToAdmins() {
        var health = api.get("/actuator/health/readiness", api.admin("Ops"));

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("components").path("db").path("status").asText()).isEqualTo("UP");
        var processors = health.body().path("components").path("eventProcessors");
        assertThat(processors.path("status").asText()).isEqualTo("UP");
        assertThat(processors.path("details").fieldNames()).toIterable()
                .contains("movies", "tickets", "watch-parties", "party-log");
    }

    @Test
    void probesAnswerAnyoneButHealthDetailsAndMetricsAreForAdmins() {
        Api.User user = api.user("Uma");

        for (String probe : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            var anonymous = api.get(probe, null);
            assertThat(anonymous.status()).as(probe).isEqualTo(200);
            assertThat(anonymous.body().path("status").asText()).as(probe).isEqualTo("UP");
            assertThat(anonymous.body().has("components")).as(probe).isFalse();
            assertThat(api.get(probe, user).body().has("components")).as(probe).isFalse();
        }
        for (String metrics : new String[] {"/actuator/prometheus", "/actuator/metrics"}) {
            assertThat(api.get(metrics, null).status()).as(metrics).isEqualTo(401);
            var forUser = api.get(metrics, user);
            assertThat(forUser.status()).as(metrics).isEqualTo(403);
            assertThat(forUser.text("code")).isEqualTo("forbidden");
        }
    }

    @Test
    void prometheusExposesAxonMetricsOnceMessagesFlow() {
        api.movie(admin, 60);

        var metrics = api.get("/actuator/prometheus", admin);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw().body()).contains("commandBus_successCounter_total")
                .contains("eventStore_ingestedCounter_total")
                // each processor counted and timed under its name, the movie's projection among them
                .containsPattern("eventProcessor_successCounter_total\\{processorName=\"movies\"} [1-9]")
                .containsPattern("eventProcessor_allTimer_seconds_count\\{processorName=\"movies\"} [1-9]")
                .contains("eventProcessor_latency_milliseconds{processorName=\"movies\"}")
                // the movie's creation waited for its view through a subscription query: its update is not timed
                .doesNotContain("queryUpdateEmitter");
    }

    /**
     * Many creations at once, so views often show a creation while a poll for it is still running: that poll is
     * cancelled, and no query's time limit may be left running (Axon would warn every second, then interrupt).
     */
    @Test
    void answeringOnceTheViewShowsAWriteLeavesNoQueryUnfinished() throws Exception {
        Logger janitor = (Logger) LoggerFactory.getLogger("axon-janitor");
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        janitor.addAppender(warnings);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Callable<UUID>> creations = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                creations.add(() -> api.movie(admin, 60));
            }
            for (Future<UUID> created : clients.invokeAll(creations)) {
                created.get();
            }
            Thread.sleep(11_000); // Axon warns about a unit of work after 10 s

            assertThat(warnings.list).extracting(ILoggingEvent::getFormattedMessage).isEmpty();
        } finally {
            clients.shutdownNow();
            janitor.detachAppender(warnings);
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheSeedsEndpointsWithoutTheCaller() {
        var docs = api.get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").fieldNames()).toIterable().contains("/watch-parties",
                "/watch-parties/{id}", "/watch-parties/{id}/purchase", "/watch-parties/{id}/logs",
                "/watch-parties/{id}/purchase/cancel", "/watch-parties/{id}/waiting-list",
                "/watch-parties/{id}/waiting-list/me", "/watch-parties/{id}/box-office",
                "/watch-parties/{id}/invitation-code", "/tickets/{id}/vouchers", "/me/tickets");
        assertThat(docs.raw().body()).doesNotContain("\"caller\"");
        // a purchase answers its refusals without throwing, and still documents what it sells
        assertThat(docs.body().path("paths").path("/watch-parties/{id}/purchase").path("post").path("responses")
                .toString()).contains("#/components/schemas/TicketPurchase");
        // the catalog routes share one generic controller: each still documents its own item type
        assertThat(docs.body().path("paths").path("/movies/{id}").path("get").path("responses").path("200").toString())
                .contains("#/components/schemas/MovieView");
        assertThat(docs.body().path("paths").path("/tickets").path("get").path("responses").path("200").toString())
                .contains("#/components/schemas/PageTicketView");
    }

    /** Next to the OpenAPI document, as open as it: the socket API's AsyncAPI document, to anyone. */
    @Test
    void theAsyncApiDocumentOfTheSocketNamespaceIsPublic() {
        var docs = api.get("/asyncapi.yaml", null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.contentType()).startsWith("application/yaml");
        assertThat(docs.raw().body()).startsWith("asyncapi: 3.0.0").contains("address: /watch-party");
    }
}
