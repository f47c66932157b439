package com.watchparty.query.ticketing;

import com.watchparty.api.ticketing.FindWaitingListPlaceQuery;
import com.watchparty.api.ticketing.WaitingListPlace;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static com.watchparty.query.Timestamps.read;

/**
 * Someone's place in a party's waiting list, read from the watch-parties projection's {@code waiting_list_view}:
 * the position counts those still waiting who joined before.
 */
@Component
class WaitingList {

    private final JdbcClient jdbc;

    WaitingList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<WaitingListPlace> handle(FindWaitingListPlaceQuery query) {
        return jdbc.sql("""
                        select w.hold_expires_at,
                               (select count(*) + 1 from waiting_list_view ahead
                                where ahead.party_id = w.party_id and ahead.hold_expires_at is null
                                  and ahead.joined_sequence < w.joined_sequence) as position
                        from waiting_list_view w where w.party_id = ? and w.user_id = ?""")
                .params(query.partyId(), query.userId())
                .query((rs, n) -> {
                    var holdExpiresAt = read(rs, "hold_expires_at");
                    return holdExpiresAt != null
                            ? new WaitingListPlace(query.partyId(), query.userId(), WaitingListPlace.State.HOLDING,
                                    null, holdExpiresAt)
                            : new WaitingListPlace(query.partyId(), query.userId(), WaitingListPlace.State.WAITING,
                                    rs.getInt("position"), null);
                })
                .optional();
    }
}
