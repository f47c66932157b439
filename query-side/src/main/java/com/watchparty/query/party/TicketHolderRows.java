package com.watchparty.query.party;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.UUID;

interface TicketHolderRows extends JpaRepository<TicketHolderRow, PartyMember> {

    /**
     * Adds a holder once (a retried batch finds them there), without a read and without keeping the row in the
     * persistence context: a sale rush's batch would otherwise be dirty-checked again at every event's flush.
     */
    @Modifying
    @Query(value = """
            insert into party_ticket_holder (party_id, user_id) values (:partyId, :userId)
            on conflict do nothing""", nativeQuery = true)
    void add(UUID partyId, UUID userId);
}
