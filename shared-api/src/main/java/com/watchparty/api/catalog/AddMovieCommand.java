package com.watchparty.api.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record AddMovieCommand(@TargetAggregateIdentifier UUID movieId,
                              String title,
                              int durationSeconds,
                              String videoUrl,
                              String posterUrl) {
}
