package com.watchparty.query.ticketing;

import com.watchparty.api.Page;
import com.watchparty.api.PageRequest;
import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.identity.Caller;
import com.watchparty.api.ticketing.FindWaitingListPlaceQuery;
import com.watchparty.api.ticketing.ListMyTicketsQuery;
import com.watchparty.api.ticketing.MyTicket;
import com.watchparty.api.ticketing.WaitingListPlace;
import com.watchparty.query.web.Queries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** What a buyer reads of the box office: their tickets, and their place in a waiting list. */
@RestController
class BoxOfficeQueryController {

    private final Queries queries;

    BoxOfficeQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/me/tickets")
    Page<MyTicket> myTickets(Caller caller, @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size) {
        return queries.page(new ListMyTicketsQuery(caller.id(), new PageRequest(page, size)), MyTicket.class);
    }

    @GetMapping("/watch-parties/{id}/waiting-list/me")
    WaitingListPlace waitingListPlace(@PathVariable UUID id, Caller caller) {
        return queries.one(new FindWaitingListPlaceQuery(id, caller.id()), WaitingListPlace.class,
                ErrorCode.NOT_FOUND, "a place in the waiting list of party " + id);
    }
}
