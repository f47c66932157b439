package com.watchparty.command.ticketing.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * The seed's {@code POST /watch-parties/:id/purchase} body, with a voucher code to redeem and an invite-only party's
 * invitation code when they apply.
 */
record PurchaseRequest(@NotNull UUID ticketId,
                       @Size(max = BoxOfficeRequests.MAX_CODE_LENGTH) String voucherCode,
                       @Size(max = BoxOfficeRequests.MAX_CODE_LENGTH) String invitationCode) {
}
