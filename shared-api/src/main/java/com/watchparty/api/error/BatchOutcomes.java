package com.watchparty.api.error;

import java.util.List;

/**
 * The answer to a batch of commands: a {@link BatchOutcome} per command, in order. A type of its own, not a bare
 * list, so that the answer keeps its element type when it comes back from another instance as JSON.
 */
public record BatchOutcomes(List<BatchOutcome> outcomes) {
}
