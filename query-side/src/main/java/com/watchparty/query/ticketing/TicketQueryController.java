package com.watchparty.query.ticketing;

import com.watchparty.api.ticketing.FindTicketQuery;
import com.watchparty.api.ticketing.ListTicketsQuery;
import com.watchparty.api.ticketing.TicketView;
import com.watchparty.query.web.CatalogController;
import com.watchparty.query.web.Queries;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/tickets")
class TicketQueryController extends CatalogController<TicketView> {

    TicketQueryController(Queries queries) {
        super(queries, TicketView.class, ListTicketsQuery::new, FindTicketQuery::new, "ticket");
    }
}
