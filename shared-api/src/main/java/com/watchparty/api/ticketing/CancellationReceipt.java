package com.watchparty.api.ticketing;

/**
 * What the cancel command returns: the cancellation, and the party's version that records it, so the caller can
 * wait until the party's view shows the seat free.
 */
public record CancellationReceipt(PurchaseCancellation cancellation, long partyVersion) {
}
