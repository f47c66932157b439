package com.watchparty.query.party;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import com.watchparty.api.identity.Caller;
import com.watchparty.api.party.FindWatchPartyQuery;
import com.watchparty.api.party.WatchPartyView;
import com.watchparty.query.web.Queries;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Who may read what was said and done in a party (its WatchPartyLog and its replay, chat included): the people who
 * held a ticket for it, and admins. The one check behind {@code /logs}, {@code /replay} and the socket's replays.
 */
@Component
public class PartyReaders {

    private final Queries queries;
    private final TicketHolderRows holders;

    PartyReaders(Queries queries, TicketHolderRows holders) {
        this.queries = queries;
        this.holders = holders;
    }

    /**
     * The party, once it is known to exist ({@code party_not_found} otherwise) and the caller is an admin or a holder
     * of a ticket for it ({@code ticket_required} otherwise).
     */
    public WatchPartyView require(UUID partyId, Caller caller) {
        WatchPartyView party = queries.one(new FindWatchPartyQuery(partyId), WatchPartyView.class,
                ErrorCode.PARTY_NOT_FOUND, "watch party " + partyId);
        if (!caller.admin() && !holders.existsById(new PartyMember(partyId, caller.id()))) {
            throw new RejectedException(ErrorCode.TICKET_REQUIRED,
                    "a party's log and replay are for the people who held a ticket for it");
        }
        return party;
    }
}
