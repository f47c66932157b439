package com.watchparty.command.ticketing.web;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import com.watchparty.api.error.Rejection;
import com.watchparty.api.error.Rejections;
import com.watchparty.api.identity.Caller;
import com.watchparty.api.ticketing.CancelPurchaseCommand;
import com.watchparty.api.ticketing.CancellationReceipt;
import com.watchparty.api.ticketing.PurchaseCancellation;
import com.watchparty.api.batch.PartyBatches;
import com.watchparty.api.ticketing.PurchaseOutcome;
import com.watchparty.api.ticketing.PurchaseReceipt;
import com.watchparty.api.ticketing.PurchaseTicketBatchCommand;
import com.watchparty.api.ticketing.PurchaseTicketCommand;
import com.watchparty.api.ticketing.RedeemVoucherCommand;
import com.watchparty.api.ticketing.ReleaseVoucherCommand;
import com.watchparty.api.ticketing.TicketPurchase;
import com.watchparty.command.party.TicketCatalog;
import com.watchparty.command.web.PartyWrites;
import com.watchparty.command.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/** Buying a ticket, and giving it back, always for the caller. */
@RestController
class PurchaseController {

    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

    private final PartyWrites partyWrites;
    private final CommandGateway commands;
    private final TicketCatalog tickets;
    /** A sale rush on one party is judged in batches, as the room's chat is: one turn of its lock, one append. */
    private final PartyBatches<PurchaseTicketCommand, PurchaseOutcome> purchases;

    PurchaseController(PartyWrites partyWrites, CommandGateway commands, TicketCatalog tickets) {
        this.partyWrites = partyWrites;
        this.commands = commands;
        this.tickets = tickets;
        this.purchases = new PartyBatches<>(commands, PurchaseTicketBatchCommand::new);
    }

    /**
     * A retry with the same {@code Idempotency-Key} answers 200 with the original purchase; a new purchase is 201.
     * Either answers once the party's view counts the seat (or the projection wait is over: the seat is sold
     * anyway), so whoever loads the party next sees it taken. A refusal (sold out, already holding one) answers at
     * once: nothing was written, so there is nothing to wait for. It is answered here, not thrown: in a rush nearly
     * every attempt is refused, and a refusal thrown out of a controller costs a reflective wrapper with a stack trace
     * and the search for its handler (an eighth of a refused attempt's CPU, profiled).
     * <p>
     * A voucher ticket type is redeemed in two steps: its ticket type counts the use of the code (one at a time, so a
     * code is never used more than {@code max_usages} times), then the party sells the seat; if the party refuses,
     * the use is given back.
     */
    @PostMapping("/watch-parties/{id}/purchase")
    ResponseEntity<TicketPurchase> purchase(@PathVariable UUID id,
                                            @Valid @RequestBody PurchaseRequest request,
                                            @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                            Caller caller, HttpServletRequest http) {
        if (key != null && (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
            throw new RejectedException(ErrorCode.INVALID_PARAMETER,
                    "Idempotency-Key must have 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters", "Idempotency-Key");
        }
        // the catalog is in memory; an unknown ticket type is left to the party, which names what is unknown
        boolean voucher = tickets.findTicket(request.ticketId()).map(TicketCatalog.TicketFacts::voucher).orElse(false);
        boolean voucherUsed = voucher && Boolean.TRUE.equals(commands.sendAndWait(new RedeemVoucherCommand(
                request.ticketId(), request.voucherCode(), id, caller.id())));
        UUID purchaseId = UUID.randomUUID();
        var command = new PurchaseTicketCommand(id, purchaseId, caller.id(), request.ticketId(), key,
                request.voucherCode(), request.invitationCode());
        // waits on a stage that always completes normally: join on a refused one would fill in a stack trace
        Object settled = purchases.send(id, command).handle((done, failed) -> done != null ? done : failed).join();
        if (!(settled instanceof PurchaseOutcome outcome)) {
            if (voucherUsed) { // the party sold nothing: the code's use is given back, once
                commands.sendAndWait(new ReleaseVoucherCommand(request.ticketId(), request.voucherCode(), id,
                        caller.id()));
            }
            Throwable failure = settled instanceof CompletionException wrapped ? wrapped.getCause()
                    : (Throwable) settled;
            Optional<Rejection> refusal = Rejections.refusalIn(failure);
            if (refusal.isPresent()) {
                return Problems.refusal(refusal.get(), http.getRequestURI());
            }
            throw failure instanceof RuntimeException runtime ? runtime : new CompletionException(failure);
        }
        // the seat is sold from here on, whatever the wait for the view: the code's use stays spent
        TicketPurchase purchase = partyWrites.await(id, outcome.receipt(), PurchaseReceipt::partyVersion).result()
                .purchase();
        HttpStatus status = purchase.id().equals(purchaseId) ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(purchase);
    }

    /**
     * Gives the caller's ticket back, until the cutoff before the start: answers the refund once the party's view
     * shows the seat free (and held for the first in line, if anyone waits).
     */
    @PostMapping("/watch-parties/{id}/purchase/cancel")
    PurchaseCancellation cancel(@PathVariable UUID id, Caller caller) {
        return partyWrites.send(id, new CancelPurchaseCommand(id, caller.id()), CancellationReceipt::partyVersion)
                .result().cancellation();
    }

    /** The same as {@code POST …/purchase/cancel}. */
    @DeleteMapping("/watch-parties/{id}/purchase")
    PurchaseCancellation delete(@PathVariable UUID id, Caller caller) {
        return cancel(id, caller);
    }
}
