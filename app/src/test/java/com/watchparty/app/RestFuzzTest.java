package com.watchparty.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.watchparty.app.RestFuzzCases.FuzzRequest;
import com.watchparty.app.RestFuzzCases.Header;
import com.watchparty.app.support.Api;
import com.watchparty.app.support.RawHttp;
import com.watchparty.app.support.WatchPartyIntegrationTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Seeded fuzzing of every REST route, end to end against the running service: malformed bodies, hostile field
 * values, wrong content types, odd headers, bad paths and request lines, ids of the wrong kind. Whatever one caller
 * sends, the service never answers 5xx, never leaves a request unanswered or cut short, and every refusal is a
 * problem with a stable code; afterwards every projection has caught up without error and a normal flow works.
 * <p>
 * The run is a function of its seed: a failure prints the seed and the case, and {@code -Dfuzz.seed=<seed>} (with
 * {@code -Dfuzz.cases=<n>}) replays it.
 */
class RestFuzzTest extends WatchPartyIntegrationTest {

    static final long SEED = Long.getLong("fuzz.seed", 20_251_128L);
    static final int CASES = Integer.getInteger("fuzz.cases", 3000);
    /** A request not answered by then counts as never answered. */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    static final int FAILURES_SHOWN = 25;
    /** Callers sending at once: most of a successful write is waiting for its projection, not work. */
    static final int CALLERS = 4;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What came back, or why nothing (complete) did. */
    private record Outcome(int status, String contentType, byte[] body, boolean complete, String failure) {

        String describe() {
            return failure != null ? failure : status + " " + contentType + " "
                    + RestFuzzCases.printable(new String(body, StandardCharsets.UTF_8), 300)
                    + (complete ? "" : " (cut short)");
        }
    }

    @Test
    void noRequestGetsA5xxOrAnythingButAProblem() {
        RestFuzzCases cases = new RestFuzzCases(SEED, fixtures(api));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(ANSWER_WITHIN).build();
        RawHttp raw = new RawHttp(port, ANSWER_WITHIN);
        List<FuzzRequest> requests = IntStream.range(0, CASES).mapToObj(i -> cases.next()).toList();

        // A few callers at once, as in production; the cases stay the seed's, only their interleaving varies.
        long started = System.nanoTime();
        List<Outcome> outcomes = inParallel(requests, request -> send(request, client, raw));
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            FuzzRequest request = requests.get(i);
            Outcome outcome = outcomes.get(i);
            statuses.merge(outcome.status(), 1, Integer::sum);
            String fault = faultOf(request, outcome);
            if (fault != null) {
                failures.add("case " + i + ": " + fault + "\n    request: " + request.describe()
                        + "\n    answer:  " + outcome.describe());
            }
        }
        System.out.printf("RestFuzzTest: seed %d, %d cases in %.1f s by %d callers, by status %s, %d faults%n",
                SEED, CASES, seconds, CALLERS, statuses, failures.size());

        assertThat(failures).as("seed %d: %d of %d cases went wrong (replay with -Dfuzz.seed=%d); the first:%n%s",
                        SEED, failures.size(), CASES, SEED,
                        String.join("\n", failures.subList(0, Math.min(FAILURES_SHOWN, failures.size()))))
                .isEmpty();
        everyProjectionCatchesUpWithoutError(api);
        aNormalFlowStillWorks(api);
    }

    /** The faults a response can have; {@code null} if it has none. */
    private static String faultOf(FuzzRequest request, Outcome outcome) {
        if (outcome.failure() != null) {
            return "no complete answer";
        }
        if (!outcome.complete()) {
            return "the answer was cut short";
        }
        if (outcome.status() == 0) {
            // Tomcat answers a request line it cannot read as HTTP/0.9: a bare body, still a problem
            JsonNode problem = json(outcome.body());
            int status = problem == null ? 0 : problem.path("status").asInt();
            return status >= 400 && status < 500 && !problem.path("code").asText().isEmpty()
                    ? null : "an HTTP/0.9 answer that is no 4xx problem";
        }
        if (outcome.status() >= 500) {
            return "a server error";
        }
        if (outcome.status() < 400) {
            return null;
        }
        if (!outcome.contentType().startsWith("application/problem+json")) {
            return "a refusal that is no application/problem+json";
        }
        if (request.method().equals("HEAD")) {
            return null;
        }
        JsonNode problem = json(outcome.body());
        if (problem == null || problem.path("code").asText().isEmpty()) {
            return "a problem without a code";
        }
        return problem.path("status").asInt() == outcome.status() ? null : "a problem whose status is another";
    }

    // ---- sending ----------------------------------------------------------------------------------------------

    private static List<Outcome> inParallel(List<FuzzRequest> requests, Function<FuzzRequest, Outcome> send) {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<Outcome>> answers = requests.stream()
                    .map(request -> callers.submit(() -> send.apply(request))).toList();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> answer : answers) {
                outcomes.add(answer.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            callers.shutdownNow();
        }
    }

    private Outcome send(FuzzRequest request, HttpClient client, RawHttp raw) {
        if (request.viaHttpClient() && request.rawHead() == null) {
            HttpRequest built = httpClientRequest(request);
            if (built != null) {
                return sendWith(client, built);
            }
        }
        try {
            RawHttp.Response response = request.rawHead() != null
                    ? raw.send(request.rawHead(), request.body(), false)
                    : raw.send(rawHead(request), request.body(), request.method().equals("HEAD"));
            return new Outcome(response.status(), response.contentType(), response.body(), response.complete(), null);
        } catch (RuntimeException e) {
            return new Outcome(-1, "", new byte[0], false, e.toString());
        }
    }

    /** The request as Java's client sends it, or {@code null} where that client refuses to express it. */
    private HttpRequest httpClientRequest(FuzzRequest request) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.target()))
                    .timeout(ANSWER_WITHIN)
                    .method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            for (Header header : request.headers()) {
                builder.header(header.name(), header.value());
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Outcome sendWith(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Outcome(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
                    response.body(), true, null);
        } catch (IOException e) {
            return new Outcome(-1, "", new byte[0], false, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] rawHead(FuzzRequest request) {
        StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.target())
                .append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        for (Header header : request.headers()) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        if (request.body().length > 0) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    // ---- before and after -------------------------------------------------------------------------------------

    /** Something real of each kind, so that cases reach past "not found": a finished party for the replay routes. */
    private static RestFuzzCases.Fixtures fixtures(Api api) {
        Api.User admin = api.admin("Fuzz admin");
        Api.User user = api.user("Fuzz user");
        UUID movie = api.movie(admin, 600);
        UUID ticket = api.ticket(admin, "2.50", false);
        UUID voucherTicket = api.ticket(admin, "2.50", true);
        api.post("/tickets/" + voucherTicket + "/vouchers", admin, Map.of("code", "FUZZ-CODE",
                "max_usages", 5, "valid_until", Instant.now().plusSeconds(86_400).toString()));
        UUID party = api.scheduleParty(admin, movie, Instant.now().plusSeconds(3600), Instant.now().plusSeconds(7200),
                10).id();
        UUID finished = api.scheduleParty(admin, movie, Instant.now().plusMillis(1500), Instant.now().plusMillis(3000),
                10).id();
        // a party's replay is for its ticket holders: the user holds one, so cases reach the replay itself
        api.post("/watch-parties/" + finished + "/purchase", user, java.util.Map.of("ticket_id", ticket.toString()));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() ->
                api.get("/watch-parties/" + finished + "/replay", user).status() == 200);
        return new RestFuzzCases.Fixtures(admin.token(), user.token(), movie, ticket, voucherTicket, party, finished);
    }

    private static void everyProjectionCatchesUpWithoutError(Api api) {
        Api.User admin = api.admin("Fuzz checker");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode processors = api.get("/admin/projections", admin).body().path("projections");
            assertThat(processors.size()).isPositive();
            for (JsonNode processor : StreamSupport.stream(processors.spliterator(), false).toList()) {
                assertThat(processor.path("caught_up").asBoolean()).as(processor.toString()).isTrue();
                assertThat(processor.path("error").asBoolean()).as(processor.toString()).isFalse();
            }
        });
    }

    private static void aNormalFlowStillWorks(Api api) {
        Api.User admin = api.admin("Ada after the fuzz");
        UUID movie = api.movie(admin, 90);
        Api.Response read = api.get("/movies/" + movie, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("duration_seconds")).isEqualTo("90");
    }

    private static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
