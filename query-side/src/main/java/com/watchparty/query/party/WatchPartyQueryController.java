package com.watchparty.query.party;

import com.watchparty.api.Page;
import com.watchparty.api.PageRequest;
import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import com.watchparty.api.party.BoxOfficeView;
import com.watchparty.api.party.FindBoxOfficeQuery;
import com.watchparty.api.party.FindWatchPartyQuery;
import com.watchparty.api.party.ListWatchPartiesQuery;
import com.watchparty.api.party.PartyStatus;
import com.watchparty.api.party.WatchPartyView;
import com.watchparty.query.web.Queries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/watch-parties")
class WatchPartyQueryController {

    private final Queries queries;

    WatchPartyQueryController(Queries queries) {
        this.queries = queries;
    }

    /** The seed's list, with {@code ?status=upcoming|ongoing|finished}, {@code featured} and paging. */
    @GetMapping
    Page<WatchPartyView> list(@RequestParam(required = false) String status,
                              @RequestParam(required = false) Boolean featured,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size) {
        PartyStatus wanted = status == null ? null : PartyStatus.fromWireName(status).orElseThrow(() ->
                new RejectedException(ErrorCode.INVALID_PARAMETER,
                        "status must be upcoming, ongoing or finished", "status"));
        return queries.page(new ListWatchPartiesQuery(wanted, featured, new PageRequest(page, size)),
                WatchPartyView.class);
    }

    @GetMapping("/{id}")
    WatchPartyView get(@PathVariable UUID id) {
        return queries.one(new FindWatchPartyQuery(id), WatchPartyView.class, ErrorCode.PARTY_NOT_FOUND,
                "watch party " + id);
    }

    /** For admins: seats sold, held for the waiting list, cancelled, people waiting, and the invitation code. */
    @GetMapping("/{id}/box-office")
    BoxOfficeView boxOffice(@PathVariable UUID id) {
        return queries.one(new FindBoxOfficeQuery(id), BoxOfficeView.class, ErrorCode.PARTY_NOT_FOUND,
                "watch party " + id);
    }
}
