package com.watchparty.api.error;

/** The outcome of a command that answers nothing but done or refused: a join, a chat line. */
public record BatchOutcome(Rejection refusal) implements CommandOutcome {

    public static final BatchOutcome DONE = new BatchOutcome(null);
}
