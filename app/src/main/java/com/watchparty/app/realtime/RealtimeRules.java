package com.watchparty.app.realtime;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code watchparty.realtime.room.*}: how the room treats its people.
 *
 * @param reconnectGrace how long a dropped socket keeps its user in the room, so a page reload does not flash
 *                       leave/join
 * @param chatBurst      messages a user may send at once
 * @param chatPerSecond  messages per second a user may sustain
 * @param leaseHeartbeat how often an instance renews its presence leases
 * @param leaseTimeout   after how long without renewal a lease (an instance that died) is swept
 * @param replayWindow   how much film ahead a replay viewer is sent at a time
 */
@ConfigurationProperties("watchparty.realtime.room")
public record RealtimeRules(Duration reconnectGrace, int chatBurst, double chatPerSecond, Duration leaseHeartbeat,
                            Duration leaseTimeout, Duration replayWindow) {

    public RealtimeRules {
        if (reconnectGrace == null) {
            reconnectGrace = Duration.ofSeconds(10);
        }
        if (chatBurst <= 0) {
            chatBurst = 5;
        }
        if (chatPerSecond <= 0) {
            chatPerSecond = 1;
        }
        if (leaseHeartbeat == null) {
            leaseHeartbeat = Duration.ofSeconds(15);
        }
        if (leaseTimeout == null) {
            leaseTimeout = Duration.ofSeconds(60);
        }
        if (replayWindow == null) {
            replayWindow = Duration.ofSeconds(60);
        }
    }
}
