package com.watchparty.app.ops;

import java.time.Instant;
import java.util.List;

/**
 * How far one streaming event processor is, as this instance sees it: the segments it claimed, their positions in
 * the event store (global index) against the store's head, whether it has stalled, the events it could not handle,
 * and the last rebuild asked of this instance.
 *
 * @param rebuildable      whether it is a projection that {@code POST .../rebuild} accepts
 * @param caughtUp         running, no error, not stalled, some segments claimed, none replaying, and the slowest at
 *                         the head
 * @param error            the processor or one of its segments is in error (see {@code segments[].error})
 * @param stalled          some segment is in error, or has not moved for {@code watchparty.projections.stall-after}
 *                         while the head is ahead of it (also one released after failures that no node holds now)
 * @param stalledSegments  those segments' ids
 * @param deadLetters      the events it could not handle, {@code null} for a processor without a dead-letter queue
 * @param claimedSegments  segments this instance processes
 * @param totalSegments    segments in the token store (other instances may claim some), {@code null} if unknown
 * @param position         the slowest claimed segment's position, {@code null} while none is claimed
 * @param headPosition     the position of the newest event in the store ({@code 0} when it is empty)
 * @param progressPercent  {@code position} as a share of {@code headPosition}, 0..100, one decimal
 * @param rebuild          the last rebuild requested on this instance, {@code null} if none
 */
record ProjectionStatus(String name, boolean rebuildable, boolean running, boolean replaying, boolean caughtUp,
                        boolean error, boolean stalled, List<Integer> stalledSegments, DeadLetters deadLetters,
                        int claimedSegments, Integer totalSegments, Long position, long headPosition,
                        Double progressPercent, Rebuild rebuild, List<Segment> segments) {

    /** {@code GET /admin/projections}: the head of the store and every streaming processor, by name. */
    record Overview(long headPosition, List<ProjectionStatus> projections) {
    }

    /**
     * Events the projection could not handle. Each failed event heads its sequence (its movie, its party, by Axon's
     * sequencing policy), and the later events of that sequence are parked behind it, in order, until it is retried;
     * every other sequence goes on.
     *
     * @param sequences sequences with dead letters
     * @param letters   dead letters in all: the failed events and the events parked behind them
     * @param latest    the latest failures, newest first
     */
    record DeadLetters(long sequences, long letters, List<Failure> latest) {
    }

    /**
     * Why one sequence is dead-lettered: its first event failed.
     *
     * @param sequence     the sequence (an aggregate's id)
     * @param eventType    the failed event's payload type
     * @param causeType    the failure's exception class
     * @param causeMessage its message, at most 1,023 characters
     * @param at           when it last failed
     */
    record Failure(String sequence, String eventId, String eventType, String causeType, String causeMessage,
                   Instant at) {
    }

    /**
     * One claimed segment. {@code replaying} while it has events of a replay left to handle (a segment that reached
     * its {@code resetPosition} is done, although Axon flags it until the next new event); {@code error} is the
     * message of the failure that stopped it, or {@code null}.
     */
    record Segment(int segment, Long position, Long resetPosition, boolean replaying, boolean caughtUp,
                   String error) {
    }

    /**
     * A rebuild: {@code stopping} the processor, {@code resetting} its tokens (the projection is emptied),
     * {@code replaying} the store, then {@code caught_up}; {@code failed} (with {@code error}) if it could not be
     * reset, in which case the processor resumes where it was.
     *
     * @param headAtReset the head of the store when the tokens were reset: what the replay has to reach
     */
    record Rebuild(State state, Instant requestedAt, Instant replayStartedAt, Instant finishedAt, Long headAtReset,
                   String error) {

        enum State { STOPPING, RESETTING, REPLAYING, CAUGHT_UP, FAILED }

        static Rebuild requested(Instant now) {
            return new Rebuild(State.STOPPING, now, null, null, null, null);
        }

        /** The processor is stopped or being reset: another rebuild must wait. */
        boolean inFlight() {
            return state == State.STOPPING || state == State.RESETTING;
        }

        Rebuild resetting() {
            return new Rebuild(State.RESETTING, requestedAt, null, null, null, null);
        }

        Rebuild replaying(Instant now, long head) {
            return new Rebuild(State.REPLAYING, requestedAt, now, null, head, null);
        }

        Rebuild caughtUp(Instant now) {
            return new Rebuild(State.CAUGHT_UP, requestedAt, replayStartedAt, now, headAtReset, null);
        }

        Rebuild failed(Instant now, String reason) {
            return new Rebuild(State.FAILED, requestedAt, replayStartedAt, now, headAtReset, reason);
        }
    }
}
