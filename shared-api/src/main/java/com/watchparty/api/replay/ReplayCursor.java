package com.watchparty.api.replay;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;

/**
 * Where a page of a replay ended, in film order: the next page starts after it. Reading a long party page by page
 * with cursors costs the same for the last page as for the first: the cursor also carries the timeline's total,
 * counted once for the first page, so later pages need not count the whole timeline again.
 *
 * @param totalItems how many events the whole (filtered) timeline has
 */
public record ReplayCursor(double mediaTime, long sequence, long totalItems) {

    public static ReplayCursor of(ReplayEntry entry, long totalItems) {
        return new ReplayCursor(entry.mediaTime(), entry.sequence(), totalItems);
    }

    /** The wire form: {@code <mediaTime>:<sequence>:<totalItems>}. */
    public static ReplayCursor parse(String value) {
        try {
            String[] parts = value.split(":", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException(value);
            }
            return new ReplayCursor(Double.parseDouble(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (RuntimeException e) {
            throw new RejectedException(ErrorCode.INVALID_PARAMETER, "cursor is not one this API gave out", "cursor");
        }
    }

    @Override
    public String toString() {
        return mediaTime + ":" + sequence + ":" + totalItems;
    }
}
