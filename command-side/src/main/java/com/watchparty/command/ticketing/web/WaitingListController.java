package com.watchparty.command.ticketing.web;

import com.watchparty.api.identity.Caller;
import com.watchparty.api.ticketing.FindWaitingListPlaceQuery;
import com.watchparty.api.ticketing.JoinWaitingListCommand;
import com.watchparty.api.ticketing.WaitingListPlace;
import com.watchparty.command.web.PartyWrites;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/** Getting in line for a sold-out party. */
@RestController
class WaitingListController {

    /** The body is optional: an invite-only party's line needs its invitation code. */
    record JoinRequest(@Size(max = BoxOfficeRequests.MAX_CODE_LENGTH) String invitationCode) {
    }

    private final PartyWrites partyWrites;
    private final QueryGateway queries;

    WaitingListController(PartyWrites partyWrites, QueryGateway queries) {
        this.partyWrites = partyWrites;
        this.queries = queries;
    }

    /**
     * Puts the caller in line (joining again keeps their place) and answers their place once the projection shows
     * it: a position, or the seat already held for them. 202 with the place's location if the projection is slow.
     */
    @PostMapping("/watch-parties/{id}/waiting-list")
    ResponseEntity<WaitingListPlace> join(@PathVariable UUID id,
                                          @Valid @RequestBody(required = false) JoinRequest request, Caller caller) {
        String invitationCode = request == null ? null : request.invitationCode();
        var location = URI.create("/watch-parties/" + id + "/waiting-list/me");
        Optional<WaitingListPlace> place = partyWrites.send(id,
                new JoinWaitingListCommand(id, caller.id(), invitationCode), (Long version) -> version).view()
                .flatMap(view -> queries.query(new FindWaitingListPlaceQuery(id, caller.id()),
                        ResponseTypes.optionalInstanceOf(WaitingListPlace.class)).join());
        return place.map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.accepted().location(location).build());
    }
}
