package com.watchparty.query.log;

import com.watchparty.api.Page;
import com.watchparty.api.PageRequest;
import com.watchparty.api.identity.Caller;
import com.watchparty.api.log.FindPartyLogQuery;
import com.watchparty.api.log.PartyLogEntry;
import com.watchparty.query.party.PartyReaders;
import com.watchparty.query.web.Ndjson;
import com.watchparty.query.web.Queries;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.UUID;

@RestController
class PartyLogController {

    static final int DEFAULT_LOG_PAGE_SIZE = 100;

    private final Queries queries;
    private final PartyLogProjection log;
    private final Ndjson ndjson;
    private final PartyReaders readers;

    PartyLogController(Queries queries, PartyLogProjection log, Ndjson ndjson, PartyReaders readers) {
        this.queries = queries;
        this.log = log;
        this.ndjson = ndjson;
        this.readers = readers;
    }

    /**
     * The seed's {@code GET /watch-parties/:id/logs}: the party's WatchPartyLog rows in the order they happened.
     * Deleted messages keep their content for admins only.
     */
    @GetMapping("/watch-parties/{id}/logs")
    Page<PartyLogEntry> logs(@PathVariable UUID id, Caller caller,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "" + DEFAULT_LOG_PAGE_SIZE) int size) {
        var request = new PageRequest(page, size);
        readers.require(id, caller);
        return queries.page(new FindPartyLogQuery(id, request, caller.admin()), PartyLogEntry.class);
    }

    /** The same log as one stream of JSON lines, for exports of long parties in constant memory. */
    @GetMapping(value = "/watch-parties/{id}/logs/stream", produces = Ndjson.MEDIA_TYPE)
    ResponseEntity<StreamingResponseBody> stream(@PathVariable UUID id, Caller caller) {
        readers.require(id, caller);
        return ndjson.of(log.lines(id, caller.admin()));
    }
}
