package com.watchparty.command;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;

import java.util.function.Supplier;

/** Guard clauses shared by the aggregates: each refuses with a stable code before anything is applied. */
public final class Rules {

    private Rules() {
    }

    public static void require(boolean condition, ErrorCode code, String message) {
        require(condition, code, message, null);
    }

    /** For a message that costs something to make (a wait to work out): it is made only for a refusal. */
    public static void require(boolean condition, ErrorCode code, Supplier<String> message) {
        if (!condition) {
            throw new RejectedException(code, message.get(), null);
        }
    }

    public static void require(boolean condition, ErrorCode code, String message, String field) {
        if (!condition) {
            throw new RejectedException(code, message, field);
        }
    }
}
