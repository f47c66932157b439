package com.watchparty.query.replay;

import com.watchparty.api.PageRequest;
import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import com.watchparty.api.identity.Caller;
import com.watchparty.api.log.LogEventType;
import com.watchparty.api.replay.FindReplayQuery;
import com.watchparty.api.replay.ReplayCursor;
import com.watchparty.api.replay.ReplayTimeline;
import com.watchparty.query.web.Ndjson;
import com.watchparty.query.web.Queries;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@RestController
class ReplayController {

    static final int DEFAULT_PAGE_SIZE = 200;

    private final Queries queries;
    private final FinishedParties finishedParties;
    private final ReplayReader reader;
    private final Ndjson ndjson;

    ReplayController(Queries queries, FinishedParties finishedParties, ReplayReader reader, Ndjson ndjson) {
        this.queries = queries;
        this.finishedParties = finishedParties;
        this.reader = reader;
        this.ndjson = ndjson;
    }

    /**
     * A finished party's timeline in film order, for a player that shows chat beside the video: the playback
     * segments and a page of events, filtered by {@code event_type} (comma-separated), a film window
     * {@code from}/{@code to} (seconds) and a wall-time window {@code real_from}/{@code real_to}. Long parties
     * are read page after page with the {@code next_cursor} of each answer as {@code cursor}.
     */
    @GetMapping("/watch-parties/{id}/replay")
    ReplayTimeline replay(@PathVariable UUID id, Caller caller,
                          @RequestParam(name = "event_type", required = false) List<String> eventTypes,
                          @RequestParam(required = false) Double from,
                          @RequestParam(required = false) Double to,
                          @RequestParam(name = "real_from", required = false) Instant realFrom,
                          @RequestParam(name = "real_to", required = false) Instant realTo,
                          @RequestParam(required = false) String cursor,
                          @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        var request = new PageRequest(cursor == null ? page : 0, size);
        ReplayCursor after = cursor == null ? null : ReplayCursor.parse(cursor);
        var query = new FindReplayQuery(id, types(eventTypes), from, to, realFrom, realTo, after, request);
        finishedParties.require(id, caller);
        return queries.one(query, ReplayTimeline.class);
    }

    /**
     * The whole timeline (same filters) as one stream of JSON lines, in film order: a player or an export reads a
     * long party in one request, and the service holds one batch of rows at a time, however long the party.
     */
    @GetMapping(value = "/watch-parties/{id}/replay/stream", produces = Ndjson.MEDIA_TYPE)
    ResponseEntity<StreamingResponseBody> stream(@PathVariable UUID id, Caller caller,
                                                 @RequestParam(name = "event_type", required = false) List<String> eventTypes,
                                                 @RequestParam(required = false) Double from,
                                                 @RequestParam(required = false) Double to,
                                                 @RequestParam(name = "real_from", required = false) Instant realFrom,
                                                 @RequestParam(name = "real_to", required = false) Instant realTo) {
        // checked before the first byte goes out: once the stream has begun, a refusal can only abort it
        var query = new FindReplayQuery(id, types(eventTypes), from, to, realFrom, realTo, null, new PageRequest(0, 1));
        finishedParties.require(id, caller);
        return ndjson.of(reader.lines(query));
    }

    private static Set<LogEventType> types(List<String> values) {
        if (values == null) {
            return Set.of();
        }
        return values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                .filter(v -> !v.isEmpty())
                .map(v -> Arrays.stream(LogEventType.values()).filter(t -> t.wireName().equals(v.toLowerCase(Locale.ROOT)))
                        .findFirst().orElseThrow(() -> new RejectedException(ErrorCode.INVALID_PARAMETER,
                                "event_type must be message, join, leave, play, pause, seek or reactions", "event_type")))
                .collect(Collectors.toSet());
    }
}
