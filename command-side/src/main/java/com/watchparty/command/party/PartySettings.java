package com.watchparty.command.party;

import com.watchparty.api.AcceptedTimes;

import java.time.Instant;

import static com.watchparty.api.error.ErrorCode.VALIDATION_FAILED;
import static com.watchparty.command.Rules.require;

/**
 * A party's schedule and size. Checked when a command proposes them, never when events are replayed:
 * history stays valid even if the rules change.
 */
record PartySettings(Instant startTime, Instant endTime, boolean featured, int maxParticipants) {

    static final int MIN_PARTICIPANTS = 1;
    static final int MAX_PARTICIPANTS = 10_000;

    /** @return these settings, if both times are accepted ones, end follows start and the size is within bounds */
    PartySettings validated() {
        require(startTime != null, VALIDATION_FAILED, "start_time is required", "start_time");
        require(endTime != null, VALIDATION_FAILED, "end_time is required", "end_time");
        AcceptedTimes.require(startTime, VALIDATION_FAILED, "start_time");
        AcceptedTimes.require(endTime, VALIDATION_FAILED, "end_time");
        require(endTime.isAfter(startTime), VALIDATION_FAILED, "end_time must be after start_time", "end_time");
        require(maxParticipants >= MIN_PARTICIPANTS && maxParticipants <= MAX_PARTICIPANTS, VALIDATION_FAILED,
                "max_participants must be between " + MIN_PARTICIPANTS + " and " + MAX_PARTICIPANTS,
                "max_participants");
        return this;
    }
}
