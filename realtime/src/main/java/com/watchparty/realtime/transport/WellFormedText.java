package com.watchparty.realtime.transport;

/**
 * Text as a WebSocket may carry it. A Java string can hold an unpaired UTF-16 surrogate, which has no UTF-8 form: the
 * container's encoder throws on it, mid-frame, and the connection is lost. Commands refuse such text, but a frame is
 * also built from what is already stored (old events, display names from tokens), so the transport repairs what it
 * cannot encode instead of letting one bad string cut off everyone it is sent to.
 */
final class WellFormedText {

    private static final char REPLACEMENT = '\uFFFD';

    private WellFormedText() {
    }

    /** {@code text} itself when it is well formed (the usual case, checked without copying), else a repaired copy. */
    static String of(String text) {
        int first = firstUnpaired(text);
        if (first < 0) {
            return text;
        }
        StringBuilder repaired = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                repaired.append(c).append(text.charAt(++i));
            } else {
                repaired.append(Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return repaired.toString();
    }

    private static int firstUnpaired(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
