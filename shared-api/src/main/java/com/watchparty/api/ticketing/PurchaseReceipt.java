package com.watchparty.api.ticketing;

/**
 * What the purchase command returns: the purchase, and the version of the party that records it, so the caller
 * can wait until the party's view shows the seat taken before answering.
 *
 * @param partyVersion the sequence number of the party's event that sold the seat, or of a later one
 */
public record PurchaseReceipt(TicketPurchase purchase, long partyVersion) {
}
