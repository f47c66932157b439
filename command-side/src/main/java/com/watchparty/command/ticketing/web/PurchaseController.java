package com.watchparty.command.ticketing.web;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import com.watchparty.api.identity.Caller;
import com.watchparty.api.party.FindWatchPartyQuery;
import com.watchparty.api.party.WatchPartyView;
import com.watchparty.api.ticketing.PurchaseReceipt;
import com.watchparty.api.ticketing.PurchaseTicketCommand;
import com.watchparty.api.ticketing.TicketPurchase;
import com.watchparty.command.web.ReadYourWrites;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Buying a ticket, always for the caller. */
@RestController
class PurchaseController {

    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

    private final ReadYourWrites readYourWrites;

    PurchaseController(ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    /**
     * A retry with the same {@code Idempotency-Key} answers 200 with the original purchase; a new purchase is 201.
     * Either answers once the party's view counts the seat (or the projection wait is over: the seat is sold
     * anyway), so whoever loads the party next sees it taken.
     */
    @PostMapping("/watch-parties/{id}/purchase")
    ResponseEntity<TicketPurchase> purchase(@PathVariable UUID id,
                                            @Valid @RequestBody PurchaseRequest request,
                                            @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                            Caller caller) {
        if (key != null && (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
            throw new RejectedException(ErrorCode.INVALID_PARAMETER,
                    "Idempotency-Key must have 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters", "Idempotency-Key");
        }
        UUID purchaseId = UUID.randomUUID();
        var command = new PurchaseTicketCommand(id, purchaseId, caller.id(), request.ticketId(), key);
        TicketPurchase purchase = readYourWrites.send(command, new FindWatchPartyQuery(id), WatchPartyView.class,
                (PurchaseReceipt receipt, WatchPartyView view) -> view.version() >= receipt.partyVersion())
                .result().purchase();
        HttpStatus status = purchase.id().equals(purchaseId) ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(purchase);
    }
}
