package com.watchparty.api.ticketing;

import com.watchparty.api.error.BatchAnswer;

import java.util.List;

/** The answer to a {@link PurchaseTicketBatchCommand}: one outcome per purchase, in order. */
public record PurchaseOutcomes(List<PurchaseOutcome> outcomes) implements BatchAnswer<PurchaseOutcome> {
}
