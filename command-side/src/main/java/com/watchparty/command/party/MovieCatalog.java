package com.watchparty.command.party;

import java.util.Optional;
import java.util.UUID;

/** What the party needs to know of a movie when it is scheduled. */
public interface MovieCatalog {

    Optional<MovieFacts> findMovie(UUID movieId);

    record MovieFacts(int durationSeconds) {
    }
}
