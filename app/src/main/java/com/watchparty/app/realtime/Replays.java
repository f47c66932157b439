package com.watchparty.app.realtime;

import com.watchparty.api.PageRequest;
import com.watchparty.api.Page;
import com.watchparty.api.replay.FindReplayQuery;
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

    /** Every event in the film window [from, to), with the party's segments; refused unless the party finished. */
    ReplayTimeline window(UUID partyId, double from, double to) {
        finishedParties.require(partyId);
        return queries.query(new FindReplayQuery(partyId, null, from, to, null, null, null,
                new PageRequest(0, Page.MAX_SIZE)), ResponseTypes.instanceOf(ReplayTimeline.class)).join();
    }
}
