package com.watchparty.query.party;

import org.springframework.data.jpa.repository.JpaRepository;

interface TicketHolderRows extends JpaRepository<TicketHolderRow, PartyMember> {
}
