package com.watchparty.command.ticketing.web;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import com.watchparty.api.ticketing.CreateVoucherCommand;
import com.watchparty.api.ticketing.VoucherView;
import com.watchparty.command.party.TicketCatalog;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

/** Admin endpoint that adds voucher codes to a voucher ticket type. */
@RestController
class VoucherController {

    /** {@code watch_party_id}, when given, is the one party the code may be redeemed for. */
    record CreateVoucherRequest(@NotNull String code, @NotNull Integer maxUsages, @NotNull Instant validUntil,
                                UUID watchPartyId) {
    }

    private final CommandGateway commands;
    private final TicketCatalog tickets;

    VoucherController(CommandGateway commands, TicketCatalog tickets) {
        this.commands = commands;
        this.tickets = tickets;
    }

    /** Answers the code as created: codes are checked at redemption by their ticket type, not read from a view. */
    @PostMapping("/tickets/{id}/vouchers")
    @ResponseStatus(HttpStatus.CREATED)
    VoucherView create(@PathVariable UUID id, @Valid @RequestBody CreateVoucherRequest request) {
        if (tickets.findTicket(id).isEmpty()) {
            throw new RejectedException(ErrorCode.NOT_FOUND, "ticket " + id + " not found");
        }
        return commands.sendAndWait(new CreateVoucherCommand(id, request.code(), request.maxUsages(),
                request.validUntil(), request.watchPartyId()));
    }
}
