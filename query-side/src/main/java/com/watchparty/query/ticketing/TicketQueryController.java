package com.watchparty.query.ticketing;

import com.watchparty.api.Page;
import com.watchparty.api.PageRequest;
import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.ticketing.FindTicketQuery;
import com.watchparty.api.ticketing.ListTicketsQuery;
import com.watchparty.api.ticketing.TicketView;
import com.watchparty.query.web.Queries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/tickets")
class TicketQueryController {

    private final Queries queries;

    TicketQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    Page<TicketView> list(@RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size) {
        return queries.page(new ListTicketsQuery(new PageRequest(page, size)), TicketView.class);
    }

    @GetMapping("/{id}")
    TicketView get(@PathVariable UUID id) {
        return queries.one(new FindTicketQuery(id), TicketView.class, ErrorCode.NOT_FOUND, "ticket " + id);
    }
}
