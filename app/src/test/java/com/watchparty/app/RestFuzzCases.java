package com.watchparty.app;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The requests of {@link RestFuzzTest}: every REST route, first well formed, then broken in one way or another (its
 * body, a field, its query, its path, a header, its method, the request line itself). A deterministic function of
 * the seed and the fixtures, so a seed replays the same run.
 */
final class RestFuzzCases {

    /** Who a route expects; a case may send someone else. */
    enum Access { ANYONE, USER, ADMIN }

    record Header(String name, String value) {
    }

    /**
     * One request as it goes on the wire. Strings carry one byte per character (ISO-8859-1), so a path or a header
     * can hold bytes that are no UTF-8. {@code rawHead}, when there is one, is sent instead of the request line and
     * headers; {@code viaHttpClient} asks for Java's HTTP client where it can express the request.
     */
    record FuzzRequest(String kind, String method, String target, List<Header> headers, byte[] body, byte[] rawHead,
                       boolean viaHttpClient) {

        String describe() {
            String head = rawHead != null ? printable(new String(rawHead, StandardCharsets.ISO_8859_1), 400)
                    : method + " " + printable(target, 300) + " " + headers.stream()
                    .map(h -> printable(h.name() + ": " + h.value(), 120)).collect(Collectors.joining(" | "));
            return "[" + kind + "] " + head + (body.length == 0 ? "" : " BODY " + body.length + " bytes: "
                    + printable(new String(body, StandardCharsets.ISO_8859_1), 300));
        }
    }

    /** What the cases refer to: tokens of each kind of caller and an existing thing of each kind. */
    record Fixtures(String adminToken, String userToken, UUID movie, UUID ticket, UUID voucherTicket, UUID party,
                    UUID finishedParty) {

        List<UUID> ids() {
            return List.of(movie, ticket, voucherTicket, party, finishedParty);
        }
    }

    private record Route(String method, String path, Access access, List<String> parameters,
                         Function<Fixtures, Map<String, String>> body) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route("GET", "/watch-parties", Access.ANYONE, List.of("status", "featured", "page", "size"), null),
            new Route("GET", "/watch-parties/{party}", Access.ANYONE, List.of(), null),
            new Route("POST", "/watch-parties", Access.ADMIN, List.of(), RestFuzzCases::partyBody),
            new Route("PATCH", "/watch-parties/{party}", Access.ADMIN, List.of(), RestFuzzCases::partyChangeBody),
            new Route("POST", "/watch-parties/{party}/purchase", Access.USER, List.of(),
                    f -> json("ticket_id", quoted(f.ticket()))),
            new Route("POST", "/watch-parties/{party}/purchase", Access.USER, List.of(),
                    f -> json("ticket_id", quoted(f.voucherTicket()), "voucher_code", "\"FUZZ-CODE\"",
                            "invitation_code", "\"an-invitation\"")),
            new Route("POST", "/watch-parties/{party}/purchase/cancel", Access.USER, List.of(), null),
            new Route("DELETE", "/watch-parties/{party}/purchase", Access.USER, List.of(), null),
            new Route("POST", "/watch-parties/{party}/waiting-list", Access.USER, List.of(),
                    f -> json("invitation_code", "\"an-invitation\"")),
            new Route("GET", "/watch-parties/{party}/waiting-list/me", Access.USER, List.of(), null),
            new Route("GET", "/me/tickets", Access.USER, List.of("page", "size"), null),
            new Route("GET", "/watch-parties/{party}/box-office", Access.ADMIN, List.of(), null),
            new Route("POST", "/watch-parties/{party}/invitation-code", Access.ADMIN, List.of(), null),
            new Route("POST", "/tickets/{voucher}/vouchers", Access.ADMIN, List.of(), f -> json("code",
                    "\"FUZZ-CODE\"", "max_usages", "10", "valid_until", "\"2100-01-01T00:00:00Z\"",
                    "watch_party_id", quoted(f.party()))),
            new Route("PUT", "/watch-parties/{party}/moderators/{user}", Access.ADMIN, List.of(), null),
            new Route("DELETE", "/watch-parties/{party}/moderators/{user}", Access.ADMIN, List.of(), null),
            new Route("GET", "/watch-parties/{party}/logs", Access.USER, List.of("page", "size"), null),
            new Route("GET", "/watch-parties/{party}/logs/stream", Access.USER, List.of(), null),
            new Route("GET", "/watch-parties/{finished}/replay", Access.USER,
                    List.of("event_type", "from", "to", "real_from", "real_to", "cursor", "page", "size"), null),
            new Route("GET", "/watch-parties/{finished}/replay/stream", Access.USER,
                    List.of("event_type", "from", "to", "real_from", "real_to"), null),
            new Route("GET", "/movies", Access.ANYONE, List.of("page", "size"), null),
            new Route("GET", "/movies/{movie}", Access.ANYONE, List.of(), null),
            new Route("POST", "/movies", Access.ADMIN, List.of(), f -> json("title", "\"Fuzzed film\"",
                    "duration_seconds", "120", "video_url", "\"/media/demo.webm\"", "poster_url", "\"/media/p.jpg\"")),
            new Route("GET", "/tickets", Access.ANYONE, List.of("page", "size"), null),
            new Route("GET", "/tickets/{ticket}", Access.ANYONE, List.of(), null),
            new Route("POST", "/tickets", Access.ADMIN, List.of(), f -> json("name", "\"Fuzzed seat\"", "price",
                    "\"4.99\"", "currency", "\"EUR\"", "description", "\"a seat\"", "is_voucher", "false")),
            new Route("GET", "/admin/projections", Access.ADMIN, List.of(), null),
            new Route("GET", "/admin/projections/{projection}", Access.ADMIN, List.of(), null),
            // never a real projection's name: rebuilding one is legitimate and slow, not what is fuzzed here
            new Route("POST", "/admin/projections/{processor}/rebuild", Access.ADMIN, List.of(), null),
            new Route("GET", "/admin/cluster", Access.ADMIN, List.of(), null),
            new Route("POST", "/dev/token", Access.ANYONE, List.of(), f -> json("name", "\"Fuzzer\"", "admin",
                    "false", "user_id", quoted(UUID.nameUUIDFromBytes(new byte[]{1})))));

    private static final List<Route> ROUTES_WITH_PARAMETERS = ROUTES.stream()
            .filter(route -> !route.parameters().isEmpty()).toList();

    private static final Map<String, String> GOOD_PARAMETERS = Map.of("status", "upcoming", "featured", "true",
            "page", "0", "size", "20", "event_type", "message,seek", "from", "0", "to", "60",
            "real_from", "2020-01-01T00:00:00Z", "real_to", "2100-01-01T00:00:00Z", "cursor", "0.0:0:1");

    /** JSON values, as they are written in a body, that no field expects or that test a field's bounds. */
    private static final List<String> NASTY_VALUES = List.of(
            "null", "true", "false", "0", "-1", "1.5", "-0", "1e99999999", "-1e99999999", "1e-99999999",
            "1e999999999", "1E+2147483648", "9223372036854775808", "2147483648", "10000000000", "1000000.01",
            "0.001", "1e6", "1" + "0".repeat(70), "9".repeat(1000), "NaN", "Infinity", "-Infinity", "01", "0x10",
            ".5", "1.", "+1",
            "\"\"", "\" \"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"lone\\udc00surrogate\"",
            "\"\\ud83c\\udfac\"", "\"\\u001b[31mred\"", "\"line\\nbreak\"", "\"\\r\\n\"", "\"tab\\t\"", "\"\\u0085\"",
            "\"\\u2028\"", "\"\\u202eevil\"", "\"\\ufeff\"", "\"\\uffff\"", "\"\uD83C\uDFAC film\"",
            "\"<script>alert(1)</script>\"", "\"../../etc/passwd\"", "\"%00\"", "\"null\"", "\"NaN\"",
            "\"1e99999999\"", "\"-5\"", "\"5.005\"", "\"1000000.001\"",
            "\"+294277-01-01T00:00:00Z\"", "\"+999999-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"",
            "\"1999-12-31T23:59:59Z\"", "\"2030-02-30T00:00:00Z\"", "\"2030-01-01T00:00:00\"",
            "\"9999-12-31T23:59:59Z\"", "\"+10000-01-01T00:00:00Z\"", "\"1970-01-01T00:00:00Z\"",
            "\"00000000-0000-0000-0000-000000000000\"", "\"not-a-uuid\"", "\"EUR\"", "\"XXX\"", "\"eur\"",
            "[]", "{}", "[1,2,3]", "{\"a\":1}", "[\"x\"]",
            "[".repeat(100) + "]".repeat(100), "[".repeat(7000) + "]".repeat(7000),
            "{\"a\":".repeat(100) + "1" + "}".repeat(100),
            "\"" + "x".repeat(10_000) + "\"", "\"" + "x".repeat(70_000) + "\"");

    private static final List<String> NASTY_PARAMETERS = List.of(
            "-1", "0", "99999999999999999999", "1e99999999", "NaN", "Infinity", "-Infinity", "", "%00", "%ff", "%",
            "%2B294277-01-01T00:00:00Z", "+294277-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
            "%2B999999-12-31T23:59:59Z", "1999-12-31T23:59:59Z", "2030-01-01", "not-a-time", "1:2", "NaN:1:1",
            "1e309:1:1", "a:b:c", "::", "-1:-1:-1", "message,seek", "bogus", "MESSAGE", ",,,", "%0d%0a",
            "x".repeat(9000), "\u00ff", "%C3%A9", "true", "maybe", "1.5", "200", "201", "2147483648", "%uD800");

    private static final List<String> NASTY_SEGMENTS = List.of(
            "not-a-uuid", "", "%2F", "%", "%00", "%ff", "%c0%af", "..", "%2e%2e", ";x", "a%0d%0ab", "%25",
            "x".repeat(9000), "\u00ff", "%20", "00000000-0000-0000-0000-000000000000", "{id}", "%7B%7D", "*",
            "movies", "room-feed", "replay-timeline%00", "..%2F..%2Fetc%2Fpasswd");

    private static final List<String> CONTENT_TYPES = List.of(
            "application/json", "application/json; charset=utf-8", "application/json; charset=utf-16",
            "application/json; charset=bogus", "*/*", "application/*", "text/*", "text/plain",
            "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=x",
            "application/xml", "", "garbage", "application/json;;", "APPLICATION/JSON", "application/problem+json",
            "application/x-ndjson", "application/json; charset=\"", "text/html; charset=\u00ff");

    private static final List<String> METHODS = List.of("TRACE", "FOO", "PUT", "DELETE", "OPTIONS", "HEAD",
            "CONNECT", "get", "PROPFIND", "PATCH", "POST", "GET", "M".repeat(100));

    private final Random random;
    private final Fixtures fixtures;

    RestFuzzCases(long seed, Fixtures fixtures) {
        this.random = new Random(seed);
        this.fixtures = fixtures;
    }

    FuzzRequest next() {
        Route route = pick(ROUTES);
        int roll = random.nextInt(100);
        if (roll < 28) {
            return fieldCase(route);
        } else if (roll < 42) {
            return queryCase(pick(ROUTES_WITH_PARAMETERS));
        } else if (roll < 56) {
            return pathCase(route);
        } else if (roll < 68) {
            return headerCase(route);
        } else if (roll < 74) {
            return methodCase(route);
        } else if (roll < 84) {
            return bodyCase(route);
        } else if (roll < 97) {
            return rawCase(route);
        }
        return wellFormed(route, "well-formed");
    }

    // ---- the kinds of case ------------------------------------------------------------------------------------

    /** One or two fields of the body set to a hostile value, dropped, duplicated or joined by an unknown one. */
    private FuzzRequest fieldCase(Route route) {
        if (route.body() == null) {
            return queryCase(route.parameters().isEmpty() ? pick(ROUTES_WITH_PARAMETERS) : route);
        }
        Map<String, String> body = route.body().apply(fixtures);
        int mutations = 1 + random.nextInt(2);
        for (int i = 0; i < mutations; i++) {
            List<String> fields = new ArrayList<>(body.keySet());
            String field = fields.isEmpty() ? "x" : pick(fields);
            switch (random.nextInt(10)) {
                case 0 -> body.remove(field);
                case 1 -> body.put("unknown_" + random.nextInt(3), pick(NASTY_VALUES));
                case 2, 3 -> body.put(field, quoted(pick(fixtures.ids())));
                default -> body.put(field, pick(NASTY_VALUES));
            }
        }
        FuzzRequest request = wellFormed(route, "field");
        return with(request, render(body).getBytes(StandardCharsets.UTF_8));
    }

    /** A parameter of the route (or an unknown one, or a repeated one) with a hostile value. */
    private FuzzRequest queryCase(Route route) {
        FuzzRequest request = wellFormed(route, "query");
        List<String> names = new ArrayList<>(route.parameters());
        names.add("unknown");
        String name = pick(names);
        String parameter = name + "=" + pick(NASTY_PARAMETERS);
        String target = request.target() + (request.target().contains("?") ? "&" : "?") + parameter
                + (random.nextInt(5) == 0 ? "&" + parameter : "");
        return new FuzzRequest("query", request.method(), target, request.headers(), request.body(), null,
                random.nextBoolean());
    }

    /** The id in the path replaced (by another kind's id, or by something that is no id), or the path bent. */
    private FuzzRequest pathCase(Route route) {
        FuzzRequest request = wellFormed(route, "path");
        String path = request.target();
        String[] segments = path.split("/", -1);
        int last = segments.length - 1;
        String bent = switch (random.nextInt(8)) {
            case 0 -> path + "/";
            case 1 -> path + "/extra";
            case 2 -> path.replaceFirst("/", "//");
            case 3 -> path.toUpperCase(Locale.ROOT);
            default -> {
                int at = 1 + random.nextInt(last);
                segments[at] = random.nextBoolean() ? pick(fixtures.ids()).toString() : pick(NASTY_SEGMENTS);
                yield String.join("/", segments);
            }
        };
        return new FuzzRequest("path", request.method(), bent, request.headers(), request.body(), null,
                random.nextBoolean());
    }

    /** One header a client should not send: a content type that names no JSON, a bad token, a CORS preflight... */
    private FuzzRequest headerCase(Route route) {
        FuzzRequest request = wellFormed(route, "header");
        List<Header> headers = new ArrayList<>(request.headers());
        String method = request.method();
        switch (random.nextInt(10)) {
            case 0, 1 -> {
                headers.removeIf(h -> h.name().equals("Content-Type"));
                String type = pick(CONTENT_TYPES);
                if (!type.isEmpty() || random.nextBoolean()) {
                    headers.add(new Header("Content-Type", type));
                }
            }
            case 2 -> headers.add(new Header("Accept", pick(List.of("text/html", "application/xml", "*/*", "garbage",
                    "application/json;q=0", "", "text/event-stream", "application/x-ndjson", "image/*"))));
            case 3 -> {
                headers.removeIf(h -> h.name().equals("Authorization"));
                headers.add(new Header("Authorization", pick(List.of("", "Bearer", "Bearer x", "Basic YTpi",
                        "Bearer " + fixtures.userToken(), "Bearer " + fixtures.adminToken() + "x",
                        "bearer " + fixtures.adminToken(), "Bearer " + "a".repeat(5000),
                        "Bearer " + fixtures.adminToken().replace('.', '\u00ff')))));
            }
            case 4 -> headers.add(new Header("Idempotency-Key", pick(List.of("", " ", "k".repeat(300), "\t",
                    "\u00ff\u00fe", "key-1", "%00"))));
            case 5 -> {
                headers.add(new Header("Origin", pick(List.of("https://evil.example", "null", "http://localhost"))));
                if (random.nextBoolean()) {
                    method = "OPTIONS";
                    headers.add(new Header("Access-Control-Request-Method", pick(List.of("POST", "PATCH", "TRACE"))));
                    headers.add(new Header("Access-Control-Request-Headers", "authorization, content-type"));
                }
            }
            case 6 -> headers.add(new Header("X-Big", "b".repeat(9000)));
            case 7 -> {
                for (int i = 0; i < 150; i++) {
                    headers.add(new Header("X-Many-" + i, "v"));
                }
            }
            case 8 -> headers.add(new Header(pick(List.of("X-Forwarded-For", "X-Forwarded-Proto", "Range",
                    "If-None-Match", "Cookie", "X-Name", "Forwarded")), pick(List.of("\u00e9\u00ff", "bytes=0-1",
                    "garbage;;;", "*", "a".repeat(500), "for=\"[::1]\";proto=gopher"))));
            default -> {
                headers.removeIf(h -> h.name().equals("Content-Type"));
                headers.add(new Header("Content-Type", "application/json"));
                headers.add(new Header("Content-Type", pick(CONTENT_TYPES)));
            }
        }
        return new FuzzRequest("header", method, request.target(), headers, request.body(), null,
                random.nextBoolean());
    }

    private FuzzRequest methodCase(Route route) {
        FuzzRequest request = wellFormed(route, "method");
        return new FuzzRequest("method", pick(METHODS), request.target(), request.headers(), request.body(), null,
                random.nextBoolean());
    }

    /** The whole body broken: no JSON, JSON of the wrong shape, deep nesting, bytes that are no UTF-8, too large. */
    private FuzzRequest bodyCase(Route route) {
        FuzzRequest request = wellFormed(route, "body");
        String template = route.body() == null ? "{\"a\":\"b\"}" : render(route.body().apply(fixtures));
        byte[] utf8 = template.getBytes(StandardCharsets.UTF_8);
        int quote = template.indexOf(":\"") + 2;
        byte[] body = switch (random.nextInt(22)) {
            case 0 -> new byte[0];
            case 1 -> bytes("null");
            case 2 -> bytes("[]");
            case 3 -> bytes("1");
            case 4 -> bytes("\"x\"");
            case 5 -> bytes("{");
            case 6 -> Arrays.copyOf(utf8, random.nextInt(utf8.length));
            case 7 -> bytes(template + "garbage");
            case 8 -> bytes(template + "{}");
            case 9 -> bytes("[".repeat(7000) + "]".repeat(7000));
            case 10 -> bytes("{\"a\":".repeat(7000) + "1" + "}".repeat(7000));
            case 11 -> concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8);
            case 12 -> template.getBytes(StandardCharsets.UTF_16LE);
            case 13 -> splice(utf8, quote, pick(List.of(new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xC3, 0x28},
                    new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xF8, (byte) 0x88},
                    new byte[]{(byte) 0xC0, (byte) 0xAF})));
            case 14 -> splice(utf8, quote, new byte[]{0});
            case 15 -> splice(utf8, quote, new byte[]{1, 0x1B, 0x7F});
            case 16 -> bytes(" ".repeat(100_000) + template);
            case 17 -> bytes("/* comment */" + template);
            case 18 -> bytes(template.replace('"', '\''));
            case 19 -> randomBytes(1 + random.nextInt(200));
            case 20 -> bytes(template.replace("}", ",}"));
            default -> bytes(template.replace("}", "," + template.substring(1)));
        };
        return with(request, body);
    }

    /** A request line or header block no client library would produce. */
    private FuzzRequest rawCase(Route route) {
        FuzzRequest request = wellFormed(route, "raw");
        String path = request.target();
        String auth = request.headers().stream().filter(h -> h.name().equals("Authorization"))
                .map(h -> "Authorization: " + h.value() + "\r\n").findFirst().orElse("");
        String end = "Host: localhost\r\nConnection: close\r\n\r\n";
        String head = switch (random.nextInt(16)) {
            case 0 -> "GET " + path + " HTTP/2.0\r\n" + end;
            case 1 -> "GET " + path + " HTTP/1.2\r\n" + end;
            case 2 -> "GET  " + path + " HTTP/1.1\r\n" + end;
            case 3 -> "GET " + path + " HTTP/1.1 extra\r\n" + end;
            case 4 -> "\u0000\u0001\u0002\r\n" + end;
            case 5 -> "GET " + path.replace("/", "/\u0000") + " HTTP/1.1\r\n" + end;
            case 6 -> "GET http://evil.example" + path + " HTTP/1.1\r\n" + auth + end;
            case 7 -> "GET * HTTP/1.1\r\n" + end;
            case 8 -> "OPTIONS * HTTP/1.1\r\n" + end;
            case 9 -> "GET " + path.substring(1) + " HTTP/1.1\r\n" + end;
            case 10 -> request.method().toLowerCase() + " " + path + " http/1.1\r\n" + end;
            case 11 -> "GET " + path + " HTTP/1.1\r\n" + auth + "X-Folded: a\r\n b\r\n" + end;
            case 12 -> "GET " + path + " HTTP/1.1\n" + auth.replace("\r\n", "\n") + "Host: localhost\nConnection: close\n\n";
            case 13 -> "GET " + path + " HTTP/1.1\r\nBad Header: x\r\n" + end;
            case 14 -> "GET " + path + " HTTP/1.1\r\nX-Ctl: a\u0001b\r\n" + end;
            // framings that lie: each is refused as soon as it is read, none leaves the server waiting for bytes
            default -> "POST " + path + " HTTP/1.1\r\n" + auth + "Content-Type: application/json\r\n" + pick(List.of(
                    "Content-Length: abc\r\n" + end, "Content-Length: -1\r\n" + end,
                    "Content-Length: 2\r\nContent-Length: 3\r\n" + end + "{}",
                    "Transfer-Encoding: gzip\r\n" + end + "{}",
                    "Transfer-Encoding: chunked\r\n" + end + "zz\r\n{}\r\n0\r\n\r\n",
                    "Transfer-Encoding: chunked\r\n" + end + "2\r\n{}\r\n0\r\n\r\n",
                    "Transfer-Encoding: chunked\r\nContent-Length: 2\r\n" + end + "2\r\n{}\r\n0\r\n\r\n"));
        };
        return new FuzzRequest("raw", request.method(), path, request.headers(), new byte[0],
                head.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    /** The route as a client should call it, as the caller it expects. */
    private FuzzRequest wellFormed(Route route, String kind) {
        String path = route.path()
                .replace("{party}", fixtures.party().toString())
                .replace("{finished}", fixtures.finishedParty().toString())
                .replace("{movie}", fixtures.movie().toString())
                .replace("{ticket}", fixtures.ticket().toString())
                .replace("{voucher}", fixtures.voucherTicket().toString())
                .replace("{user}", UUID.randomUUID().toString())
                .replace("{projection}", "movies")
                .replace("{processor}", "room-feed");
        List<String> query = new ArrayList<>();
        for (String parameter : route.parameters()) {
            if (random.nextBoolean()) {
                query.add(parameter + "=" + GOOD_PARAMETERS.get(parameter));
            }
        }
        String target = query.isEmpty() ? path : path + "?" + String.join("&", query);
        List<Header> headers = new ArrayList<>();
        switch (route.access()) {
            case ADMIN -> headers.add(new Header("Authorization", "Bearer " + fixtures.adminToken()));
            case USER -> headers.add(new Header("Authorization", "Bearer " + fixtures.userToken()));
            case ANYONE -> {
            }
        }
        byte[] body = new byte[0];
        if (route.body() != null) {
            headers.add(new Header("Content-Type", "application/json"));
            body = render(route.body().apply(fixtures)).getBytes(StandardCharsets.UTF_8);
        }
        return new FuzzRequest(kind, route.method(), target, headers, body, null, random.nextBoolean());
    }

    // ---- bodies -----------------------------------------------------------------------------------------------

    private static Map<String, String> partyBody(Fixtures fixtures) {
        Instant start = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        return json("movie_id", quoted(fixtures.movie()), "start_time", quoted(start),
                "end_time", quoted(start.plus(2, ChronoUnit.HOURS)), "is_featured", "false", "max_participants", "5",
                "access", "\"invite_only\"");
    }

    private static Map<String, String> partyChangeBody(Fixtures fixtures) {
        Instant start = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        return json("start_time", quoted(start), "end_time", quoted(start.plus(2, ChronoUnit.HOURS)),
                "is_featured", "true", "max_participants", "50", "host_only_playback", "false", "access", "\"public\"",
                "host_id", quoted(UUID.nameUUIDFromBytes("a fuzzed host".getBytes(StandardCharsets.UTF_8))));
    }

    private static Map<String, String> json(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static String render(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String quoted(Object value) {
        return "\"" + value + "\"";
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private FuzzRequest with(FuzzRequest request, byte[] body) {
        return new FuzzRequest(request.kind(), request.method(), request.target(), request.headers(), body, null,
                request.viaHttpClient());
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        return splice(first, first.length, second);
    }

    private static byte[] splice(byte[] into, int at, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(into, 0, at);
        out.writeBytes(inserted);
        out.write(into, at, into.length - at);
        return out.toByteArray();
    }

    static String printable(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (out.length() >= max) {
                return out.append("…(").append(text.length()).append(" chars)").toString();
            }
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02x", (int) c & 0xFF));
        }
        return out.toString();
    }
}
