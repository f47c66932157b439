package com.watchparty.command.party;

import com.watchparty.api.AcceptedTimes;

import com.watchparty.api.party.PartyStatus;
import com.watchparty.api.party.UpdateWatchPartyCommand;

import java.time.Instant;
import java.util.Objects;

import static com.watchparty.api.error.ErrorCode.START_TIME_LOCKED;
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

    /** These settings as an update leaves them: what it does not name stays as it is. */
    PartySettings updatedBy(UpdateWatchPartyCommand command) {
        return new PartySettings(
                Objects.requireNonNullElse(command.startTime(), startTime),
                Objects.requireNonNullElse(command.endTime(), endTime),
                Objects.requireNonNullElse(command.featured(), featured),
                Objects.requireNonNullElse(command.maxParticipants(), maxParticipants));
    }

    boolean startsAt(Instant time) {
        return startTime.equals(time);
    }

    boolean endsAt(Instant time) {
        return endTime.equals(time);
    }

    /**
     * Rescheduling a party that is {@code status} to these settings: the start moves only while the party is upcoming,
     * and never into the past; the end moves only into the future.
     */
    void requireReachableFrom(PartySettings current, PartyStatus status, Instant now) {
        boolean startMoved = !current.startsAt(startTime);
        require(!startMoved || status == PartyStatus.UPCOMING, START_TIME_LOCKED,
                "start_time cannot change once the party is ongoing", "start_time");
        require(!startMoved || !startTime.isBefore(now), VALIDATION_FAILED,
                "start_time must not be in the past", "start_time");
        require(current.endsAt(endTime) || endTime.isAfter(now), VALIDATION_FAILED,
                "end_time must be in the future", "end_time");
    }
}
