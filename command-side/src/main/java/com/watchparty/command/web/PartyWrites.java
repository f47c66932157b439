package com.watchparty.command.web;

import com.watchparty.api.party.FindWatchPartyQuery;
import com.watchparty.api.party.WatchPartyView;
import org.springframework.stereotype.Component;

import java.util.UUID;
import java.util.function.BiPredicate;
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
        return readYourWrites.send(command, new FindWatchPartyQuery(partyId), WatchPartyView.class, caughtUp(version));
    }

    /** The same for a command that was sent in a batch: waits for the view to show its result. */
    public <R> ReadYourWrites.Outcome<R, WatchPartyView> await(UUID partyId, R result, ToLongFunction<R> version) {
        return readYourWrites.await(result, new FindWatchPartyQuery(partyId), WatchPartyView.class, caughtUp(version));
    }

    private static <R> BiPredicate<R, WatchPartyView> caughtUp(ToLongFunction<R> version) {
        return (result, view) -> view.version() >= version.applyAsLong(result);
    }
}
