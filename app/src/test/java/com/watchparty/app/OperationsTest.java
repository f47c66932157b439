package com.watchparty.app;

import com.watchparty.app.support.Api;
import com.watchparty.app.support.WatchPartyIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and API consumers rely on: health with the processors, metrics, the OpenAPI document. */
@WatchPartyIntegrationTest
class OperationsTest {

    @LocalServerPort
    int port;

    @Test
    void readinessReportsTheDatabaseAndEveryEventProcessor() {
        var health = new Api(port).get("/actuator/health/readiness", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("components").path("db").path("status").asText()).isEqualTo("UP");
        var processors = health.body().path("components").path("eventProcessors");
        assertThat(processors.path("status").asText()).isEqualTo("UP");
        assertThat(processors.path("details").fieldNames()).toIterable()
                .contains("movies", "tickets", "watch-parties", "party-log");
    }

    @Test
    void prometheusExposesAxonMetricsOnceMessagesFlow() {
        Api api = new Api(port);
        api.movie(api.admin("Ada"), 60);

        var metrics = api.get("/actuator/prometheus", null);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw().body()).contains("commandBus_successCounter_total")
                .contains("eventStore_ingestedCounter_total");
    }

    @Test
    void theOpenApiDocumentDescribesTheSeedsEndpointsWithoutTheCaller() {
        var docs = new Api(port).get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").fieldNames()).toIterable().contains("/watch-parties",
                "/watch-parties/{id}", "/watch-parties/{id}/purchase", "/watch-parties/{id}/logs");
        assertThat(docs.raw().body()).doesNotContain("\"caller\"");
    }
}
