package com.watchparty.command.web;

import com.watchparty.api.party.FindWatchPartyQuery;
import com.watchparty.api.party.WatchPartyView;
import org.springframework.stereotype.Component;

import java.util.UUID;
import java.util.function.ToLongFunction;

/** Read-your-writes for a party's commands: their result names the party's version, and the view must reach it. */
@Component
public class PartyWrites {

    private final ReadYourWrites readYourWrites;

    PartyWrites(ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    /** @param version the party's version the command's result reports */
    public <R> ReadYourWrites.Outcome<R, WatchPartyView> send(UUID partyId, Object command, ToLongFunction<R> version) {
        return readYourWrites.send(command, new FindWatchPartyQuery(partyId), WatchPartyView.class,
                (R result, WatchPartyView view) -> view.version() >= version.applyAsLong(result));
    }
}
