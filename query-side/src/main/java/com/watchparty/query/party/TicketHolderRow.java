package com.watchparty.query.party;

import com.watchparty.query.ViewRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.util.UUID;

/** Someone who holds a ticket for a party ({@code party_ticket_holder}): they may read its log and replay. */
@Entity
@Table(name = "party_ticket_holder")
@IdClass(PartyMember.class)
class TicketHolderRow extends ViewRow<PartyMember> {

    @Id
    private UUID partyId;
    @Id
    private UUID userId;

    protected TicketHolderRow() {
    }

    @Override
    public PartyMember getId() {
        return new PartyMember(partyId, userId);
    }
}
