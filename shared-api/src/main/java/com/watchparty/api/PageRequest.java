package com.watchparty.api;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;

/** Which page a query asks for; rejects sizes that would let one request read a whole table. */
public record PageRequest(int page, int size) {

    public PageRequest {
        if (page < 0) {
            throw new RejectedException(ErrorCode.INVALID_PARAMETER, "page must be 0 or more", "page");
        }
        if (size < 1 || size > Page.MAX_SIZE) {
            throw new RejectedException(ErrorCode.INVALID_PARAMETER,
                    "size must be between 1 and " + Page.MAX_SIZE, "size");
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
