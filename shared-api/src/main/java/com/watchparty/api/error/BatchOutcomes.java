package com.watchparty.api.error;

import java.util.List;

/** The answer to a batch of joins or chat lines. */
public record BatchOutcomes(List<BatchOutcome> outcomes) implements BatchAnswer<BatchOutcome> {
}
