package com.watchparty.api.party;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who finds a party and who may buy a seat: {@code public} (listed), {@code unlisted} (not in {@code GET
 * /watch-parties}, reachable by id) or {@code invite_only} (unlisted, and buying needs the invitation code).
 */
public enum PartyAccess {
    PUBLIC, UNLISTED, INVITE_ONLY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PartyAccess> fromWireName(String value) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(value)).findFirst();
    }
}
