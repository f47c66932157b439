package com.watchparty.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code watchparty.party.*}: when a party's room opens, and how a long party is kept quick to load. Defaults in
 * {@code application.yml}.
 *
 * @param lobbyWindow   how long before the start ticket holders may join the room
 * @param snapshotEvery events between two snapshots of a party: a party not in the cache is loaded from its latest
 *                      snapshot and at most this many events after it
 */
@ConfigurationProperties("watchparty.party")
public record PartyProperties(Duration lobbyWindow, Integer snapshotEvery) {

    public PartyProperties {
        if (lobbyWindow == null || lobbyWindow.isNegative()) {
            throw new IllegalArgumentException("watchparty.party.lobby-window must be zero or positive");
        }
        if (snapshotEvery == null || snapshotEvery < 1) {
            throw new IllegalArgumentException("watchparty.party.snapshot-every must be at least 1, was " + snapshotEvery);
        }
    }
}
