package com.watchparty.query.party;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import com.watchparty.api.identity.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Who may read what was said and done in a party (its WatchPartyLog and its replay, chat included): the people who
 * held a ticket for it, and admins. The one check behind {@code /logs}, {@code /replay} and the socket's replays.
 */
@Component
public class PartyReaders {

    private final JdbcClient jdbc;

    PartyReaders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Refuses with {@code ticket_required} anyone but an admin or a holder of a ticket for the party. */
    public void require(UUID partyId, Caller caller) {
        boolean holder = caller.admin() || jdbc.sql(
                        "select exists (select 1 from party_ticket_holder where party_id = ? and user_id = ?)")
                .params(partyId, caller.id()).query(Boolean.class).single();
        if (!holder) {
            throw new RejectedException(ErrorCode.TICKET_REQUIRED,
                    "a party's log and replay are for the people who held a ticket for it");
        }
    }
}
