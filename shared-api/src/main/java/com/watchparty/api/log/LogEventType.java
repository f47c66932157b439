package com.watchparty.api.log;

import java.util.Locale;

/** The seed's WatchPartyLog {@code event_type}s. */
public enum LogEventType {
    MESSAGE, JOIN, LEAVE, PLAY, PAUSE, SEEK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
