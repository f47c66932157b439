package com.watchparty.api.catalog;

import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record MovieAddedEvent(UUID movieId,
                              String title,
                              int durationSeconds,
                              String videoUrl,
                              String posterUrl) {
}
