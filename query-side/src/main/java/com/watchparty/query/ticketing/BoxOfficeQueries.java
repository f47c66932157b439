package com.watchparty.query.ticketing;

import com.watchparty.api.Page;
import com.watchparty.api.ticketing.FindWaitingListPlaceQuery;
import com.watchparty.api.ticketing.ListMyTicketsQuery;
import com.watchparty.api.ticketing.MyTicket;
import com.watchparty.api.ticketing.WaitingListPlace;
import com.watchparty.query.Pages;
import com.watchparty.query.party.PartyMember;
import com.watchparty.query.party.PurchaseRows;
import com.watchparty.query.party.WaitingListRows;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * What a buyer reads of the box office, from the watch-parties projection's purchases and waiting lists: their
 * tickets with each party's status, and their place in a party's line.
 */
@Component
class BoxOfficeQueries {

    private static final Sort LATEST_FIRST = Sort.by(Sort.Order.desc("purchasedAt"), Sort.Order.asc("id"));

    private final PurchaseRows purchases;
    private final WaitingListRows line;

    BoxOfficeQueries(PurchaseRows purchases, WaitingListRows line) {
        this.purchases = purchases;
        this.line = line;
    }

    @QueryHandler
    Page<MyTicket> handle(ListMyTicketsQuery query) {
        return Pages.read(query.page(), LATEST_FIRST, page -> purchases.findByBuyer(query.userId(), page),
                BoxOfficeQueries::myTicket);
    }

    /** Holding a seat, or waiting behind those still waiting who joined before. */
    @QueryHandler
    Optional<WaitingListPlace> handle(FindWaitingListPlaceQuery query) {
        return line.findById(new PartyMember(query.partyId(), query.userId())).map(place ->
                place.holdExpiresAt() != null
                        ? new WaitingListPlace(query.partyId(), query.userId(), WaitingListPlace.State.HOLDING, null,
                                place.holdExpiresAt())
                        : new WaitingListPlace(query.partyId(), query.userId(), WaitingListPlace.State.WAITING,
                                (int) line.countByPartyIdAndHoldExpiresAtIsNullAndJoinedSequenceLessThan(
                                        query.partyId(), place.joinedSequence()) + 1, null));
    }

    private static MyTicket myTicket(PurchaseRows.OfParty row) {
        var purchase = row.purchase();
        return new MyTicket(purchase.getId(), purchase.partyId(), purchase.ticketId(), purchase.purchasedAt(),
                purchase.pricePaid(), purchase.currency(), purchase.voucherCode(),
                purchase.cancelledAt() == null ? MyTicket.State.ACTIVE : MyTicket.State.CANCELLED,
                purchase.refundAmount(), purchase.cancelledAt(), row.status(), row.startTime(), row.endTime());
    }
}
