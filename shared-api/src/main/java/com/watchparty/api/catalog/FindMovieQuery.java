package com.watchparty.api.catalog;

import java.util.UUID;

/** Answered with {@code Optional<MovieView>}. */
public record FindMovieQuery(UUID movieId) {
}
