package com.watchparty.command.party.web;

import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

/** The seed's {@code POST /watch-parties} body, and {@code access}: {@code public} (the default), {@code unlisted} or {@code invite_only}. */
record ScheduleWatchPartyRequest(@NotNull UUID movieId,
                                 @NotNull Instant startTime,
                                 @NotNull Instant endTime,
                                 Boolean isFeatured,
                                 @NotNull Integer maxParticipants,
                                 String access) {
}
