package com.watchparty.api.ticketing;

import com.watchparty.api.party.PartyStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One of a user's purchases ({@code GET /me/tickets}), with the party's status and times.
 *
 * @param refundAmount {@code null} unless cancelled
 */
public record MyTicket(UUID id, UUID watchPartyId, UUID ticketId, Instant purchaseDate, BigDecimal pricePaid,
                       String currency, String voucherCode, State state, BigDecimal refundAmount,
                       Instant cancelledAt, PartyStatus partyStatus, Instant startTime, Instant endTime) {

    public enum State { ACTIVE, CANCELLED }
}
