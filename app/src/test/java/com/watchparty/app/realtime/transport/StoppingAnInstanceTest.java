package com.watchparty.app.realtime.transport;

import com.watchparty.app.support.Api;
import com.watchparty.app.support.Instances;
import com.watchparty.app.support.NodeScripts;
import com.watchparty.testsupport.TestDatabases;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping an instance (a deploy, a scale-down) with clients connected: it closes their connections at once instead
 * of waiting for their long-polls to end at the next ping, and the clients see a clean close, on which Socket.IO
 * clients reconnect.
 */
class StoppingAnInstanceTest {

    private static final TestDatabases.Database DATABASE = TestDatabases.create();

    @AfterAll
    static void dropDatabase() {
        DATABASE.drop();
    }

    @Test
    void anInstanceWithALongPollingClientStopsWithoutWaitingForTheNextPing() {
        var instance = Instances.start(DATABASE);
        int port = Instances.port(instance);
        String token = new Api(port).user("Ann").token();
        var clients = CompletableFuture.supplyAsync(() -> {
            try {
                return NodeScripts.run("stopping-instance.mjs", "http://localhost:" + port, token);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        MeterRegistry meters = instance.getBean(MeterRegistry.class);
        var connections = meters.get("watchparty.socket.connections") /* the gauge README documents */.gauge();
        // both connected, and the polling client's next GET held open by the server (the only request in flight)
        await().atMost(Duration.ofSeconds(20)).until(() -> connections.value() == 2 && requestsInFlight(meters) >= 1);

        long started = System.nanoTime();
        instance.close();
        Duration stopping = Duration.ofNanos(System.nanoTime() - started);

        assertThat(stopping).isLessThan(Duration.ofSeconds(10)); // the ping interval is 25 s
        NodeScripts.Report closed = clients.join();
        assertThat(closed.json().path("polling").asText()).as(closed.output()).isEqualTo("transport close");
        assertThat(closed.json().path("websocket").asText()).as(closed.output()).isEqualTo("transport close");
    }

    /** HTTP requests the server is handling now, a held long-poll included (Spring's observation of each request). */
    private static int requestsInFlight(MeterRegistry meters) {
        return meters.find("http.server.requests.active").longTaskTimers().stream()
                .mapToInt(LongTaskTimer::activeTasks).sum();
    }
}
