package com.watchparty.api.catalog;

import com.watchparty.api.PageRequest;

/** Answered with a {@code Page<MovieView>}, ordered by title. */
public record ListMoviesQuery(PageRequest page) {
}
