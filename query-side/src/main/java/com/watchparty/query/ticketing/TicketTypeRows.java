package com.watchparty.query.ticketing;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

interface TicketTypeRows extends JpaRepository<TicketTypeRow, UUID> {
}
