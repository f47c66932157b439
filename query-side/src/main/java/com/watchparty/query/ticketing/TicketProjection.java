package com.watchparty.query.ticketing;

import com.watchparty.api.Page;
import com.watchparty.api.ticketing.FindTicketQuery;
import com.watchparty.api.ticketing.ListTicketsQuery;
import com.watchparty.api.ticketing.TicketCreatedEvent;
import com.watchparty.api.ticketing.TicketView;
import com.watchparty.query.Pages;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The ticket types on sale, as {@code GET /tickets} lists them. */
@Component
@ProcessingGroup("tickets")
class TicketProjection {

    private static final RowMapper<TicketView> ROW = (rs, n) -> new TicketView(rs.getObject("id", UUID.class),
            rs.getString("name"), rs.getBigDecimal("price"), rs.getString("currency"), rs.getString("description"),
            rs.getBoolean("is_voucher"));

    private final JdbcClient jdbc;
    private final QueryUpdateEmitter emitter;

    TicketProjection(JdbcClient jdbc, QueryUpdateEmitter emitter) {
        this.jdbc = jdbc;
        this.emitter = emitter;
    }

    @EventHandler
    void on(TicketCreatedEvent event) {
        jdbc.sql("""
                        insert into ticket_view (id, name, price, currency, description, is_voucher)
                        values (?, ?, ?, ?, ?, ?) on conflict (id) do nothing""")
                .params(event.ticketId(), event.name(), event.price(), event.currency(), event.description(),
                        event.voucher())
                .update();
        emitter.emit(FindTicketQuery.class, q -> q.ticketId().equals(event.ticketId()),
                new TicketView(event.ticketId(), event.name(), event.price(), event.currency(), event.description(),
                        event.voucher()));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from ticket_view").update();
    }

    @QueryHandler
    Optional<TicketView> handle(FindTicketQuery query) {
        return jdbc.sql("select * from ticket_view where id = ?").param(query.ticketId()).query(ROW).optional();
    }

    @QueryHandler
    Page<TicketView> handle(ListTicketsQuery query) {
        return Pages.read(jdbc, "*", "from ticket_view", "name, id", List.of(), ROW, query.page());
    }
}
