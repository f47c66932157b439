package com.watchparty.query.replay;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import com.watchparty.api.party.FindWatchPartyQuery;
import com.watchparty.api.party.PartyStatus;
import com.watchparty.api.party.WatchPartyView;
import com.watchparty.query.web.Queries;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Replays exist only for finished parties: the one check behind {@code GET /replay} and the socket's replays. */
@Component
public class FinishedParties {

    private final Queries queries;

    FinishedParties(Queries queries) {
        this.queries = queries;
    }

    /** Refuses an unknown party as not found, and one that has not finished yet as not finished. */
    public void require(UUID partyId) {
        WatchPartyView party = queries.one(new FindWatchPartyQuery(partyId), WatchPartyView.class,
                ErrorCode.PARTY_NOT_FOUND, "watch party " + partyId);
        if (party.status() != PartyStatus.FINISHED) {
            throw new RejectedException(ErrorCode.PARTY_NOT_FINISHED,
                    "a party can be replayed once it has finished; this one is " + party.status().wireName());
        }
    }
}
