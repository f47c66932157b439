package com.watchparty.api.playback;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The seed's player actions; their wire names are the log's {@code event_type}s. */
public enum PlayerAction {
    PLAY, PAUSE, SEEK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PlayerAction> fromWireName(String value) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(value)).findFirst();
    }
}
