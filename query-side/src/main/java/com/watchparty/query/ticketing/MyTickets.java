package com.watchparty.query.ticketing;

import com.watchparty.api.Page;
import com.watchparty.api.party.PartyStatus;
import com.watchparty.api.ticketing.ListMyTicketsQuery;
import com.watchparty.api.ticketing.MyTicket;
import com.watchparty.query.Pages;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

import static com.watchparty.query.Timestamps.read;

/** A user's purchases with each party's status, read from the watch-parties projection's {@code purchase_view}. */
@Component
class MyTickets {

    private static final RowMapper<MyTicket> ROW = (rs, n) -> new MyTicket(
            rs.getObject("id", UUID.class), rs.getObject("party_id", UUID.class), rs.getObject("ticket_id", UUID.class),
            read(rs, "purchased_at"), rs.getBigDecimal("price_paid"), rs.getString("currency"),
            rs.getString("voucher_code"),
            rs.getObject("cancelled_at") == null ? MyTicket.State.ACTIVE : MyTicket.State.CANCELLED,
            rs.getBigDecimal("refund_amount"), read(rs, "cancelled_at"),
            PartyStatus.valueOf(rs.getString("status")), read(rs, "start_time"), read(rs, "end_time"));

    private final JdbcClient jdbc;

    MyTickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Page<MyTicket> handle(ListMyTicketsQuery query) {
        return Pages.read(jdbc, "t.*, p.status, p.start_time, p.end_time",
                "from purchase_view t join watch_party_view p on p.id = t.party_id where t.user_id = ?",
                "t.purchased_at desc, t.id", List.of(query.userId()), ROW, query.page());
    }
}
