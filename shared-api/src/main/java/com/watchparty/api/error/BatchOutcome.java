package com.watchparty.api.error;

/** What became of one command of a batch: done, or refused for the reason given while the others went ahead. */
public record BatchOutcome(Rejection refusal) {

    public static final BatchOutcome DONE = new BatchOutcome(null);

    public boolean isDone() {
        return refusal == null;
    }
}
