package com.watchparty.api.error;

/** What became of one command of a batch: done (with what it answers, if anything), or refused for a reason. */
public interface CommandOutcome {

    /** @return why the command was refused, or {@code null} if it was done */
    Rejection refusal();

    default boolean isDone() {
        return refusal() == null;
    }
}
