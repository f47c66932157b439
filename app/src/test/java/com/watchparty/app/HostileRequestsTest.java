package com.watchparty.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.watchparty.app.support.Api;
import com.watchparty.app.support.RawHttp;
import com.watchparty.app.support.SocketClient;
import com.watchparty.app.support.WatchPartyIntegrationTest;
import org.json.JSONObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one caller may send that once hurt the service for everyone: values a projection could not store, numbers
 * that spun a core, ids of the wrong kind, and requests refused before any controller ran. Each is answered with a
 * 4xx problem carrying a stable code.
 */
class HostileRequestsTest extends WatchPartyIntegrationTest {

    RawHttp raw;
    Api.User user;

    @BeforeEach
    void setUp() {
        raw = new RawHttp(port, Duration.ofSeconds(10));
        user = api.user("Bob");
    }

    @Test
    void textAProjectionCouldNotStoreIsRefusedNamingTheField() {
        assertValidationFailed(api.post("/movies", admin, "{\"title\": \"Metro\\u0000polis\", \"duration_seconds\": 60,"
                + " \"video_url\": \"/media/demo.webm\"}"), "title");
        assertValidationFailed(api.post("/movies", admin, "{\"title\": \"lone\\ud800surrogate\", \"duration_seconds\": 60,"
                + " \"video_url\": \"/media/demo.webm\"}"), "title");
        assertValidationFailed(api.post("/tickets", admin,
                "{\"name\": \"VIP\\u0000\", \"price\": \"5.00\", \"currency\": \"EUR\"}"), "name");
        assertValidationFailed(api.post("/tickets", admin,
                "{\"name\": \"VIP\", \"price\": \"5.00\", \"currency\": \"EUR\", \"description\": \"a\\u0000b\"}"),
                "description");

        UUID movie = api.movie(admin, 60);
        assertThat(api.get("/movies/" + movie, null).status()).as("the movies projection keeps going").isEqualTo(200);
    }

    @ParameterizedTest(name = "price {0}")
    @ValueSource(strings = {"1e99999999", "1e999999999", "\"1e99999999\"", "-1e99999999", "1e-99999999",
            "10000000000", "1000000.01", "\"1.234\""})
    @Timeout(15)
    void aPriceBeyondItsBoundsIsRefusedAtOnce(String price) {
        assertValidationFailed(api.post("/tickets", admin,
                "{\"name\": \"Standard\", \"price\": " + price + ", \"currency\": \"EUR\"}"), "price");
    }

    @Test
    void timesBeyondTheYear9999AreRefused() {
        UUID movie = api.movie(admin, 60);
        Map<String, Object> party = new LinkedHashMap<>();
        party.put("movie_id", movie.toString());
        party.put("start_time", Instant.now().plusSeconds(3600).toString());
        party.put("end_time", "+294277-01-01T00:00:00Z");
        party.put("max_participants", 5);
        assertValidationFailed(api.post("/watch-parties", admin, party), "end_time");

        UUID scheduled = futureParty();
        assertValidationFailed(api.patch("/watch-parties/" + scheduled, admin,
                Map.of("end_time", "+999999-12-31T23:59:59Z")), "end_time");
    }

    /** The stream used to send its 200 headers, then abort when PostgreSQL refused the time. */
    @Test
    void replayFiltersBeyondTheYear9999AreRefusedBeforeAnswering() {
        UUID party = futureParty();
        for (String route : new String[]{"/replay", "/replay/stream"}) {
            Api.Response response = api.get("/watch-parties/" + party + route
                    + "?real_from=%2B294277-01-01T00:00:00Z", user);
            assertProblem(response, 400, "invalid_parameter");
            assertThat(response.text("field")).isEqualTo("real_from");
        }
    }

    @Test
    void aBodyNested7000DeepIsA400() {
        String arrays = "[".repeat(7000) + "]".repeat(7000);
        assertProblem(api.post("/tickets", admin, arrays), 400, "malformed_request");
        Api.Response inAField = api.post("/tickets", admin, "{\"name\": " + arrays + "}");
        assertThat(inAField.status()).isEqualTo(400);
        assertThat(inAField.contentType()).startsWith("application/problem+json");
        String objects = "{\"a\":".repeat(7000) + "1" + "}".repeat(7000);
        assertProblem(api.post("/movies", admin, objects), 400, "malformed_request");
    }

    @Test
    void aBodyOfSeveralMegabytesIsA413() {
        byte[] body = ("{\"name\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        RawHttp.Response declared = raw.send("POST /tickets HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + admin.token() + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n", body);
        assertRawProblem(declared, 413, "payload_too_large");

        RawHttp.Response chunked = raw.send("POST /tickets HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + admin.token() + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n", chunked(body));
        assertRawProblem(chunked, 413, "payload_too_large");
    }

    @ParameterizedTest(name = "Content-Type {0}")
    @ValueSource(strings = {"*/*", "application/*", "text/*", "no-slash", "application/json;;;=="})
    void aContentTypeThatNamesNoMediaTypeIsA415(String contentType) throws Exception {
        for (String route : new String[]{"/movies", "/tickets", "/watch-parties", "/watch-parties/" + UUID.randomUUID() + "/purchase"}) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://localhost:" + port + route))
                    .header("authorization", "Bearer " + admin.token())
                    .header("content-type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(route + ": " + response.body()).isEqualTo(415);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("\"code\":\"unsupported_media_type\"");
        }
    }

    /** A record cannot take a field twice: Jackson failed on it with a definition error, a 500. */
    @Test
    void aFieldGivenTwiceIsA400() {
        assertProblem(api.post("/tickets", admin,
                "{\"name\": \"A\", \"name\": \"B\", \"price\": \"1.00\", \"currency\": \"EUR\"}"), 400,
                "malformed_request");
        assertProblem(api.post("/dev/token", null, "{\"name\": \"A\", \"name\": \"B\"}"), 400, "malformed_request");
    }

    /** No route takes a form upload; a multipart Content-Type failed to parse before any route, with a 500. */
    @Test
    void aMultipartBodyIsAnUnsupportedMediaType() {
        String head = " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer " + admin.token()
                + "\r\nContent-Type: multipart/form-data\r\nContent-Length: 2\r\n\r\n";
        assertRawProblem(raw.send("POST /movies" + head, "{}".getBytes(StandardCharsets.UTF_8)), 415,
                "unsupported_media_type");
        assertThat(raw.send("GET /movies" + head, "{}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
    }

    /** A refusal is a problem whatever the client accepts, even an Accept header that does not parse. */
    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"garbage", "text/html", "image/*"})
    void aRefusalIsAProblemWhateverTheClientAccepts(String accept) {
        RawHttp.Response refused = raw.send("GET /movies/not-a-uuid HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nAccept: " + accept + "\r\n\r\n", new byte[0]);
        assertThat(refused.status()).as(refused.toString()).isBetween(400, 499);
        assertThat(refused.contentType()).as(refused.toString()).startsWith("application/problem+json");
        assertThat(refused.json().path("code").asText()).isNotEmpty();
    }

    /** The REST API allows no other origin; Spring's CORS processor refused a preflight in plain text. */
    @Test
    void aCrossOriginPreflightIsRefusedWithAProblem() {
        assertRawProblem(raw.send("OPTIONS /tickets HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Origin: https://elsewhere.example\r\nAccess-Control-Request-Method: POST\r\n\r\n", new byte[0]),
                403, "forbidden");
    }

    /** Any user could send a purchase naming a ticket type's id as the party: it failed with a 500. */
    @Test
    void theIdOfAMovieOrATicketTypeNamesNoParty() {
        UUID movie = api.movie(admin, 60);
        UUID ticket = api.ticket(admin, "5.00", false);

        assertProblem(api.patch("/watch-parties/" + movie, admin, Map.of("is_featured", true)), 404,
                "party_not_found");
        assertProblem(api.patch("/watch-parties/" + ticket, admin, Map.of("is_featured", true)), 404,
                "party_not_found");
        assertProblem(api.post("/watch-parties/" + ticket + "/purchase", user, Map.of("ticket_id", ticket.toString())),
                404, "party_not_found");
        assertProblem(api.post("/watch-parties/" + movie + "/purchase", user, Map.of("ticket_id", ticket.toString())),
                404, "party_not_found");
    }

    @Test
    void joiningTheRoomOfAMovieIsPartyNotFound() {
        UUID movie = api.movie(admin, 60);
        try (SocketClient socket = SocketClient.connect(port, user.token())) {
            JSONObject ack = socket.request("join_party", new JSONObject().put("partyId", movie.toString()));
            assertThat(ack.getBoolean("ok")).as(ack.toString()).isFalse();
            assertThat(ack.getJSONObject("error").getString("code")).isEqualTo("party_not_found");
        }
    }

    @Test
    void chatThatIsNotPlainTextIsRefusedAndTheLogKeepsGoing() {
        UUID party = api.scheduleParty(admin, api.movie(admin, 600), Instant.now().plusSeconds(600),
                Instant.now().plusSeconds(3600), 5).id();
        UUID ticket = api.ticket(admin, "1.00", false);
        assertThat(api.post("/watch-parties/" + party + "/purchase", user, Map.of("ticket_id", ticket.toString()))
                .status()).isEqualTo(201);
        try (SocketClient socket = SocketClient.connect(port, user.token())) {
            JSONObject room = new JSONObject().put("partyId", party.toString());
            assertThat(socket.request("join_party", room).getBoolean("ok")).isTrue();
            // (this client's transport turns a lone surrogate into '?' itself: that rule is the aggregate's tests')
            for (String content : new String[]{"hello\u0000world", "ring\u0007ring", "\u001b[2J"}) {
                JSONObject ack = socket.request("send_message", new JSONObject(room.toString()).put("content", content));
                assertThat(ack.getBoolean("ok")).as(ack.toString()).isFalse();
                assertThat(ack.getJSONObject("error").getString("code")).isEqualTo("validation_failed");
                assertThat(ack.getJSONObject("error").getString("field")).isEqualTo("content");
            }
            assertThat(socket.request("send_message", new JSONObject(room.toString()).put("content", "still here"))
                    .getBoolean("ok")).isTrue();
        }
    }

    /** Tomcat refuses these before the application; it used to answer with an HTML page. */
    @ParameterizedTest(name = "path {0}")
    @ValueSource(strings = {"/movies/%2F", "/movies/%", "/movies/%00", "/movies/%ff", "/movies/%5c", "/movies/%c0%af"})
    void aPathTomcatCannotDecodeIsA400Problem(String path) {
        assertRawProblem(raw.send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                new byte[0]), 400, "malformed_request");
    }

    @Test
    void aRequestLineOrHeaderOver8KilobytesIsA400Problem() {
        String big = "a".repeat(9000);
        assertRawProblem(raw.send("GET /movies/" + big + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                new byte[0]), 400, "malformed_request");
        assertRawProblem(raw.send("GET /movies HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Big: " + big
                + "\r\n\r\n", new byte[0]), 400, "malformed_request");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /movies HTTP/2.0", "GET /movies HTTP/1.2",
            "POST /movies HTTP/1.1\r\nTransfer-Encoding: gzip", "POST /movies HTTP/1.1\r\nContent-Length: many"})
    void aRequestTomcatCannotServeIsA400Problem(String requestLine) {
        assertRawProblem(raw.send(requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n", new byte[0]),
                400, "malformed_request");
    }

    /** Spring Security's firewall refuses these; they used to get Spring Boot's error JSON. */
    @ParameterizedTest(name = "path {0}")
    @ValueSource(strings = {"/movies/a;b", "/movies/../movies", "/movies/%2e%2e/movies", "/movies/a%0d%0ab",
            "/movies//x", "/movies/%25"})
    void aPathTheFirewallRefusesIsA400Problem(String path) {
        assertRawProblem(raw.send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                new byte[0]), 400, "malformed_request");
    }

    @Test
    void theContainersOwnRefusalsAreProblems() {
        assertRawProblem(raw.send("GET /WEB-INF/web.xml HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                new byte[0]), 404, "not_found");
    }

    @ParameterizedTest(name = "method {0}")
    @ValueSource(strings = {"TRACE", "FOO", "CONNECT"})
    void aMethodNoRouteHasIsA405Problem(String method) {
        RawHttp.Response response = raw.send(method + " /movies HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + admin.token() + "\r\n\r\n", new byte[0]);
        assertRawProblem(response, 405, "method_not_allowed");
        assertThat(response.headers().get("allow")).contains("GET", "POST");
    }

    private UUID futureParty() {
        return api.scheduleParty(admin, api.movie(admin, 600), Instant.now().plusSeconds(3600),
                Instant.now().plusSeconds(7200), 5).id();
    }

    private static byte[] chunked(byte[] body) {
        StringBuilder out = new StringBuilder();
        int chunk = 64 * 1024;
        for (int at = 0; at < body.length; at += chunk) {
            int size = Math.min(chunk, body.length - at);
            out.append(Integer.toHexString(size)).append("\r\n")
                    .append(new String(body, at, size, StandardCharsets.ISO_8859_1)).append("\r\n");
        }
        return out.append("0\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void assertValidationFailed(Api.Response response, String field) {
        assertProblem(response, 400, "validation_failed");
        assertThat(response.text("field")).as(response.body().toString()).isEqualTo(field);
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("code")).isEqualTo(code);
    }

    private static void assertRawProblem(RawHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem).as(response.toString()).isNotNull();
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
    }
}
