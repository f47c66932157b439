package com.watchparty.command.party.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code PATCH /watch-parties/{id}}: a field left out stays as it is; an explicit {@code null} is refused.
 * A class, not a record: a record's creator cannot tell a missing field from a {@code null}.
 */
class UpdateWatchPartyRequest {

    @JsonSetter(nulls = Nulls.FAIL)
    private Instant startTime;
    @JsonSetter(nulls = Nulls.FAIL)
    private Instant endTime;
    @JsonSetter(nulls = Nulls.FAIL)
    private Boolean isFeatured;
    @JsonSetter(nulls = Nulls.FAIL)
    private Integer maxParticipants;
    @JsonSetter(nulls = Nulls.FAIL)
    private Boolean hostOnlyPlayback;
    @JsonSetter(nulls = Nulls.FAIL)
    private String access;
    @JsonSetter(nulls = Nulls.FAIL)
    private UUID hostId;

    Instant startTime() {
        return startTime;
    }

    Instant endTime() {
        return endTime;
    }

    Boolean isFeatured() {
        return isFeatured;
    }

    Integer maxParticipants() {
        return maxParticipants;
    }

    Boolean hostOnlyPlayback() {
        return hostOnlyPlayback;
    }

    String access() {
        return access;
    }

    UUID hostId() {
        return hostId;
    }
}
