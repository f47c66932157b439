package com.watchparty.query.ticketing;

import com.watchparty.api.Page;
import com.watchparty.api.ticketing.FindTicketQuery;
import com.watchparty.api.ticketing.ListTicketsQuery;
import com.watchparty.api.ticketing.TicketCreatedEvent;
import com.watchparty.api.ticketing.TicketView;
import com.watchparty.query.AddOnceProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The ticket types on sale, as {@code GET /tickets} lists them. */
@Component
@ProcessingGroup("tickets")
class TicketProjection extends AddOnceProjection<TicketTypeRow, TicketView, FindTicketQuery> {

    TicketProjection(TicketTypeRows tickets, QueryUpdateEmitter emitter) {
        super(tickets, TicketTypeRow::view, Sort.by("name", "id"), emitter, FindTicketQuery.class,
                FindTicketQuery::ticketId);
    }

    @EventHandler
    void on(TicketCreatedEvent event) {
        add(TicketTypeRow.of(event));
    }

    @QueryHandler
    Optional<TicketView> handle(FindTicketQuery query) {
        return find(query.ticketId());
    }

    @QueryHandler
    Page<TicketView> handle(ListTicketsQuery query) {
        return page(query.page());
    }
}
