package com.watchparty.app.realtime;

import com.watchparty.api.PageRequest;
import com.watchparty.api.Page;
import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import com.watchparty.api.party.FindWatchPartyQuery;
import com.watchparty.api.party.PartyStatus;
import com.watchparty.api.party.WatchPartyView;
import com.watchparty.api.replay.FindReplayQuery;
import com.watchparty.api.replay.ReplayTimeline;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** Reads finished parties' replay timelines for socket viewers, through the same query as {@code GET /replay}. */
@Component
class Replays {

    private final QueryGateway queries;

    Replays(QueryGateway queries) {
        this.queries = queries;
    }

    /** Every event in the film window [from, to), with the party's segments; refused unless the party finished. */
    ReplayTimeline window(UUID partyId, double from, double to) {
        Optional<WatchPartyView> party = queries.query(new FindWatchPartyQuery(partyId),
                ResponseTypes.optionalInstanceOf(WatchPartyView.class)).join();
        if (party.isEmpty()) {
            throw new RejectedException(ErrorCode.PARTY_NOT_FOUND, "no watch party with id " + partyId, "partyId");
        }
        if (party.get().status() != PartyStatus.FINISHED) {
            throw new RejectedException(ErrorCode.PARTY_NOT_FINISHED, "a party can be replayed once it has finished");
        }
        return queries.query(new FindReplayQuery(partyId, null, from, to, null, null, null,
                new PageRequest(0, Page.MAX_SIZE)), ResponseTypes.instanceOf(ReplayTimeline.class)).join();
    }
}
