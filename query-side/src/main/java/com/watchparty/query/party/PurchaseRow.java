package com.watchparty.query.party;

import com.watchparty.query.ViewRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A purchase, and its cancellation if it was given back ({@code purchase_view}), for the buyer's own list. */
@Entity
@Table(name = "purchase_view")
public class PurchaseRow extends ViewRow<UUID> {

    @Id
    private UUID id;
    private UUID partyId;
    private UUID userId;
    private UUID ticketId;
    private Instant purchasedAt;
    private BigDecimal pricePaid;
    @JdbcTypeCode(SqlTypes.CHAR)
    private String currency;
    private String voucherCode;
    private BigDecimal refundAmount;
    private Instant cancelledAt;

    protected PurchaseRow() {
    }

    void cancel(BigDecimal refundAmount, Instant cancelledAt) {
        this.refundAmount = refundAmount;
        this.cancelledAt = cancelledAt;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID partyId() {
        return partyId;
    }

    public UUID ticketId() {
        return ticketId;
    }

    public Instant purchasedAt() {
        return purchasedAt;
    }

    public BigDecimal pricePaid() {
        return pricePaid;
    }

    public String currency() {
        return currency;
    }

    public String voucherCode() {
        return voucherCode;
    }

    public BigDecimal refundAmount() {
        return refundAmount;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }
}
