package com.watchparty.realtime.transport;

/**
 * Screens incoming Socket.IO packets for JSON nested deeper than any event of ours needs. The library's decoder
 * parses recursively, so a payload nested thousands deep overflows the stack and the sender's connection is lost
 * with no answer. An event packet that nests too deep keeps its name and ack id, and its arguments are replaced by
 * {@link #REJECTED_PAYLOAD}, which the gateway answers with {@code validation_failed}; any other packet that deep
 * (only a hostile client sends one) is dropped.
 */
public final class NestingScreen {

    /** Deeper than any payload of the {@code /watch-party} namespace, shallow enough for any parser's stack. */
    public static final int MAX_DEPTH = 32;
    /** The one argument an event gets in place of a payload that nested too deep. */
    public static final String REJECTED_PAYLOAD = "$nested_too_deep";

    private static final String EVENT_PREFIX = "42"; // Engine.IO message (4) carrying a Socket.IO event (2)

    private NestingScreen() {
    }

    /** @return the Engine.IO packet to pass on: {@code packet} itself, a screened event, or null to drop it */
    static String screen(String packet) {
        if (depthWithin(packet, MAX_DEPTH)) {
            return packet;
        }
        int json = packet.indexOf('[');
        if (!packet.startsWith(EVENT_PREFIX) || json < 0 || !isHeader(packet, json)) {
            return null;
        }
        String name = leadingString(packet, json + 1);
        return packet.substring(0, json) + "[" + (name == null ? "\"\"" : name) + ",\"" + REJECTED_PAYLOAD + "\"]";
    }

    /** A polling body: packets joined by the record separator, each screened; the body itself if none nests too deep. */
    static String screenBody(String body) {
        if (depthWithin(body, MAX_DEPTH)) {
            return body;
        }
        StringBuilder screened = new StringBuilder(body.length());
        for (String packet : body.split("\u001E", -1)) {
            String kept = screen(packet);
            if (kept != null) {
                screened.append(screened.isEmpty() ? "" : "\u001E").append(kept);
            }
        }
        return screened.toString();
    }

    /** Counts brackets outside JSON strings; a scan without parsing, so it cannot itself overflow. */
    static boolean depthWithin(CharSequence text, int max) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > max) {
                    return false;
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return true;
    }

    /** The packet up to its JSON is type, optional namespace and optional ack id: no quotes or brackets. */
    private static boolean isHeader(String packet, int end) {
        for (int i = 0; i < end; i++) {
            char c = packet.charAt(i);
            if (c == '"' || c == '{') {
                return false;
            }
        }
        return true;
    }

    /** The JSON string literal starting at {@code start} (the event's name), or null if none starts there. */
    private static String leadingString(String packet, int start) {
        if (start >= packet.length() || packet.charAt(start) != '"') {
            return null;
        }
        for (int i = start + 1; i < packet.length(); i++) {
            char c = packet.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return packet.substring(start, i + 1);
            }
        }
        return null;
    }
}
