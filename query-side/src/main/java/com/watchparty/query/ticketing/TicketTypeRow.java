package com.watchparty.query.ticketing;

import com.watchparty.api.ticketing.TicketCreatedEvent;
import com.watchparty.api.ticketing.TicketView;
import com.watchparty.query.ViewRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.util.UUID;

/** A ticket type on sale ({@code ticket_view}). */
@Entity
@Table(name = "ticket_view")
class TicketTypeRow extends ViewRow<UUID> {

    @Id
    private UUID id;
    private String name;
    private BigDecimal price;
    @JdbcTypeCode(SqlTypes.CHAR)
    private String currency;
    private String description;
    @Column(name = "is_voucher")
    private boolean voucher;

    protected TicketTypeRow() {
    }

    static TicketTypeRow of(TicketCreatedEvent event) {
        var row = new TicketTypeRow();
        row.id = event.ticketId();
        row.name = event.name();
        row.price = event.price();
        row.currency = event.currency();
        row.description = event.description();
        row.voucher = event.voucher();
        return row;
    }

    @Override
    public UUID getId() {
        return id;
    }

    TicketView view() {
        return new TicketView(id, name, price, currency, description, voucher);
    }
}
