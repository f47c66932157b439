package com.watchparty.api.ticketing;

import com.watchparty.api.error.CommandOutcome;
import com.watchparty.api.error.Rejection;

/** One purchase of a batch: its receipt, or why it was refused. */
public record PurchaseOutcome(PurchaseReceipt receipt, Rejection refusal) implements CommandOutcome {
}
