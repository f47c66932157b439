package com.watchparty.query.party;

import com.watchparty.api.party.PartyStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public interface PurchaseRows extends JpaRepository<PurchaseRow, UUID> {

    /** A purchase with what its buyer sees of the party. */
    record OfParty(PurchaseRow purchase, PartyStatus status, Instant startTime, Instant endTime) {
    }

    @Query(value = """
            select new com.watchparty.query.party.PurchaseRows$OfParty(t, p.status, p.startTime, p.endTime)
            from PurchaseRow t join WatchPartyRow p on p.id = t.partyId where t.userId = :userId""",
            countQuery = """
                    select count(t) from PurchaseRow t join WatchPartyRow p on p.id = t.partyId
                    where t.userId = :userId""")
    Page<OfParty> findByBuyer(UUID userId, Pageable page);

    /** Adds a purchase once, as {@link TicketHolderRows#add} adds its holder. */
    @Modifying
    @Query(value = """
            insert into purchase_view
                (id, party_id, user_id, ticket_id, purchased_at, price_paid, currency, voucher_code)
            values (:id, :partyId, :userId, :ticketId, :purchasedAt, :pricePaid, :currency, :voucherCode)
            on conflict do nothing""", nativeQuery = true)
    void add(UUID id, UUID partyId, UUID userId, UUID ticketId, Instant purchasedAt, BigDecimal pricePaid,
             String currency, String voucherCode);
}
