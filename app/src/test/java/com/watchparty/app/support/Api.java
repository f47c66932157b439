package com.watchparty.app.support;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A plain HTTP client for the running service, as any client of the REST API would use it. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Response(int status, JsonNode body, HttpResponse<String> raw) {

        public String text(String field) {
            return body.path(field).asText();
        }

        public UUID id() {
            return UUID.fromString(text("id"));
        }

        public String contentType() {
            return raw.headers().firstValue("content-type").orElse("");
        }
    }

    public record User(UUID id, String name, String token) {
    }

    public User user(String name) {
        return token(name, false);
    }

    public User admin(String name) {
        return token(name, true);
    }

    private User token(String name, boolean admin) {
        Response r = post("/dev/token", null, Map.of("name", name, "admin", admin));
        if (r.status() != 200) {
            throw new IllegalStateException("dev token route answered " + r.status() + ": " + r.body());
        }
        return new User(UUID.fromString(r.text("user_id")), name, r.text("token"));
    }

    public Response get(String path, User user) {
        return send(request(path, user).GET());
    }

    public Response post(String path, User user, Object body) {
        return post(path, user, body, Map.of());
    }

    public Response post(String path, User user, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, user).POST(HttpRequest.BodyPublishers.ofString(json(body)));
        headers.forEach(request::header);
        return send(request);
    }

    public Response postRaw(String path, User user, String body) {
        return send(request(path, user).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, User user) {
        return send(request(path, user).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    public Response delete(String path, User user) {
        return send(request(path, user).DELETE());
    }

    public Response patch(String path, User user, Object body) {
        return send(request(path, user).method("PATCH", HttpRequest.BodyPublishers.ofString(json(body))));
    }

    // --- a small catalog for tests -------------------------------------------------------------------------

    public UUID movie(User admin, int durationSeconds) {
        return created(post("/movies", admin, Map.of("title", "Film " + UUID.randomUUID(),
                "duration_seconds", durationSeconds, "video_url", "/media/demo.webm")));
    }

    public UUID ticket(User admin, String price, boolean voucher) {
        return created(post("/tickets", admin, Map.of("name", "Seat", "price", price, "currency", "EUR",
                "is_voucher", voucher)));
    }

    public Response scheduleParty(User admin, UUID movieId, Instant start, Instant end, int maxParticipants) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("movie_id", movieId.toString());
        body.put("start_time", start.toString());
        body.put("end_time", end.toString());
        body.put("is_featured", false);
        body.put("max_participants", maxParticipants);
        return post("/watch-parties", admin, body);
    }

    /**
     * A party of an hour-long film that starts a moment from now, with {@code seats} seats, for which each of
     * {@code holders} bought a ticket: returned once it is ongoing, so its room is open.
     */
    public UUID ongoingParty(User admin, int seats, List<User> holders) {
        UUID ticket = ticket(admin, "5.00", false);
        UUID party = scheduleParty(admin, movie(admin, 3600), Instant.now().plusMillis(1500),
                Instant.now().plusSeconds(3600), seats).id();
        for (User holder : holders) {
            Response purchase = post("/watch-parties/" + party + "/purchase", holder, Map.of("ticket_id", ticket.toString()));
            if (purchase.status() != 201) {
                throw new IllegalStateException("purchase answered " + purchase.status() + ": " + purchase.body());
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                get("/watch-parties/" + party, null).text("status").equals("ongoing"));
        return party;
    }

    private static UUID created(Response r) {
        if (r.status() != 201) {
            throw new IllegalStateException("expected 201, got " + r.status() + ": " + r.body());
        }
        return r.id();
    }

    private HttpRequest.Builder request(String path, User user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json");
        if (user != null) {
            builder.header("authorization", "Bearer " + user.token());
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean json = response.headers().firstValue("content-type").orElse("").contains("json");
            JsonNode body = json && !response.body().isEmpty() ? JSON.readTree(response.body()) : JSON.nullNode();
            return new Response(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
