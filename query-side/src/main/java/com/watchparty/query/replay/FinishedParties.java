package com.watchparty.query.replay;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import com.watchparty.api.identity.Caller;
import com.watchparty.api.party.PartyStatus;
import com.watchparty.query.party.PartyReaders;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Replays exist only for finished parties, for the people who may read them: the one check behind {@code GET /replay} and the socket's replays. */
@Component
public class FinishedParties {

    private final PartyReaders readers;

    FinishedParties(PartyReaders readers) {
        this.readers = readers;
    }

    /**
     * Refuses an unknown party as not found, a caller who may not read it (see {@link PartyReaders}), and a party
     * that has not finished yet as not finished.
     */
    public void require(UUID partyId, Caller caller) {
        var party = readers.require(partyId, caller);
        if (party.status() != PartyStatus.FINISHED) {
            throw new RejectedException(ErrorCode.PARTY_NOT_FINISHED,
                    "a party can be replayed once it has finished; this one is " + party.status().wireName());
        }
    }
}
