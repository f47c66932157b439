package com.watchparty.command.catalog.web;

import jakarta.validation.constraints.NotNull;

/** {@code POST /movies}. */
record AddMovieRequest(@NotNull String title,
                       @NotNull Integer durationSeconds,
                       @NotNull String videoUrl,
                       String posterUrl) {
}
