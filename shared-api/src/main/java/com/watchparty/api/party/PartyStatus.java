package com.watchparty.api.party;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The seed's status: {@code upcoming → ongoing → finished}, moved by deadlines at start and end time. */
public enum PartyStatus {
    UPCOMING, ONGOING, FINISHED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PartyStatus> fromWireName(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
    }
}
