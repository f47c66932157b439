package com.watchparty.realtime;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code watchparty.realtime.room.*}: how the room treats its people. The defaults are in {@code application.yml};
 * numbers are boxed so that the generated metadata shows no default of its own (a primitive's would be 0).
 *
 * @param reconnectGrace  how long a dropped socket keeps its user in the room, so a page reload does not flash
 *                        leave/join; also how long after an instance starts before leases are swept
 * @param chatBurst       messages a user may send at once
 * @param chatPerSecond   messages per second a user may sustain
 * @param chatAppendInterval the least time between two appends of a party's chat: a line after a quiet spell is
 *                        stored at once, a busy room's lines of an interval together, in one append
 * @param playerBurst     player actions (play, pause, seek) a user may send at once
 * @param playerPerSecond player actions per second a user may sustain
 * @param reactionBurst   reactions a user may send at once
 * @param reactionPerSecond reactions per second a user may sustain
 * @param reactionWindow  how long a room's reactions are counted before they are stored and pushed as one
 * @param leaseHeartbeat  how often an instance renews its presence leases
 * @param leaseTimeout    after how long without renewal a lease (an instance that died) is swept
 * @param replayWindow    how much film ahead a replay viewer is sent at a time
 * @param crowdSize       up to this many people a room hears each join and leave as it happens; above it, only
 *                        the coalesced participant list tells who came and went
 * @param listEvery       how often at most a room is sent its participant list
 * @param listLimit       how many people a crowd's participant list names (the host, then the latest to join);
 *                        its {@code count} is everyone
 * @param startMargin     a play or seek takes effect the largest round trip measured in the room plus this after it
 *                        is stored, so every player has it in time and all start the frame together...
 * @param maxStartLead    ...but never more than this ahead (at most 1 s; 0: on arrival, each player as it hears it)
 */
@ConfigurationProperties("watchparty.realtime.room")
@Validated
public record RealtimeRules(@NotNull Duration reconnectGrace,
                            @NotNull @Positive Integer chatBurst, @NotNull @Positive Double chatPerSecond,
                            @NotNull @DurationMin(millis = 0) @DurationMax(seconds = 1) Duration chatAppendInterval,
                            @NotNull @Positive Integer playerBurst, @NotNull @Positive Double playerPerSecond,
                            @NotNull @Positive Integer reactionBurst, @NotNull @Positive Double reactionPerSecond,
                            @NotNull Duration reactionWindow,
                            @NotNull Duration leaseHeartbeat, @NotNull Duration leaseTimeout,
                            @NotNull Duration replayWindow, @NotNull @Positive Integer crowdSize,
                            @NotNull Duration listEvery, @NotNull @Positive Integer listLimit,
                            @NotNull @DurationMin(millis = 0) Duration startMargin,
                            @NotNull @DurationMin(millis = 0) @DurationMax(seconds = 1) Duration maxStartLead) {
}
