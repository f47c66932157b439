package com.watchparty.command.ticketing.web;

import com.watchparty.api.ticketing.CreateTicketCommand;
import com.watchparty.api.ticketing.FindTicketQuery;
import com.watchparty.api.ticketing.TicketView;
import com.watchparty.command.web.ReadYourWrites;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Admin endpoint that adds a ticket type to the catalog. */
@RestController
class TicketCommandController {

    private final ReadYourWrites readYourWrites;

    TicketCommandController(ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    @PostMapping("/tickets")
    ResponseEntity<TicketView> create(@Valid @RequestBody CreateTicketRequest request) {
        UUID ticketId = UUID.randomUUID();
        var command = new CreateTicketCommand(ticketId, request.name(), request.price(), request.currency(),
                request.description(), Boolean.TRUE.equals(request.isVoucher()));
        var location = URI.create("/tickets/" + ticketId);
        return readYourWrites.create(command, new FindTicketQuery(ticketId), TicketView.class, location);
    }
}
