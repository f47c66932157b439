package com.watchparty.api.ticketing;

import java.time.Instant;
import java.util.UUID;

/** A voucher code as its admin created it. */
public record VoucherView(String code, UUID ticketId, int maxUsages, Instant validUntil, UUID watchPartyId) {

    public static VoucherView of(VoucherCreatedEvent event) {
        return new VoucherView(event.code(), event.ticketId(), event.maxUsages(), event.validUntil(), event.partyId());
    }
}
