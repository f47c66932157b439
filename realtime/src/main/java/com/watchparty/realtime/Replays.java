package com.watchparty.realtime;

import com.watchparty.api.PageRequest;
import com.watchparty.api.Page;
import com.watchparty.api.replay.FindReplayQuery;
import com.watchparty.api.identity.Caller;
import com.watchparty.api.replay.ReplayTimeline;
import com.watchparty.query.replay.FinishedParties;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Reads finished parties' replay timelines for socket viewers, through the same query as {@code GET /replay}. */
@Component
class Replays {

    private final QueryGateway queries;
    private final FinishedParties finishedParties;

    Replays(QueryGateway queries, FinishedParties finishedParties) {
        this.queries = queries;
        this.finishedParties = finishedParties;
    }

    /**
     * Opens a finished party's replay for {@code caller}: its segments, refused unless the party finished and the
     * caller may read it.
     */
    ReplayTimeline open(UUID partyId, Caller caller) {
        finishedParties.require(partyId, caller);
        return window(partyId, 0, 0);
    }

    /** Every event in the film window [from, to) of a replay already opened, with the party's segments. */
    ReplayTimeline window(UUID partyId, double from, double to) {
        return queries.query(new FindReplayQuery(partyId, null, from, to, null, null, null,
                new PageRequest(0, Page.MAX_SIZE)), ResponseTypes.instanceOf(ReplayTimeline.class)).join();
    }
}
