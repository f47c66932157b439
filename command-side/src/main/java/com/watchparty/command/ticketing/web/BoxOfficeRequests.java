package com.watchparty.command.ticketing.web;

import com.watchparty.api.party.FindWatchPartyQuery;
import com.watchparty.api.party.WatchPartyView;
import com.watchparty.command.web.ReadYourWrites;

import java.util.UUID;
import java.util.function.ToLongFunction;

/** What the box office's routes share: the longest code a request may carry, and waiting for the party's view. */
final class BoxOfficeRequests {

    /** Voucher and invitation codes are at most 64 characters; a longer one is refused before it reaches a rule. */
    static final int MAX_CODE_LENGTH = 64;

    private BoxOfficeRequests() {
    }

    /** Sends a party command and waits until the party's view reaches the version it reports. */
    static <R> ReadYourWrites.Outcome<R, WatchPartyView> sendToParty(ReadYourWrites readYourWrites, UUID partyId,
                                                                      Object command, ToLongFunction<R> version) {
        return readYourWrites.send(command, new FindWatchPartyQuery(partyId), WatchPartyView.class,
                (R result, WatchPartyView view) -> view.version() >= version.applyAsLong(result));
    }
}
