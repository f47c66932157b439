package com.watchparty.command.party;

import com.watchparty.api.ticketing.PurchaseTicketCommand;
import com.watchparty.api.ticketing.TicketPurchase;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.watchparty.api.error.ErrorCode.ALREADY_PURCHASED;
import static com.watchparty.api.error.ErrorCode.BELOW_TICKETS_SOLD;
import static com.watchparty.api.error.ErrorCode.SEATS_AVAILABLE;
import static com.watchparty.api.error.ErrorCode.SOLD_OUT;
import static com.watchparty.command.Rules.require;

/**
 * A party's seats: those sold, by holder; those held for people from the waiting list; and the line itself, first
 * first. Sold plus held never exceeds the party's capacity ({@code max_participants}, which its settings keep).
 * <p>
 * The party's events fill it in and its commands ask it. It is part of the party's snapshot: its fields are the
 * snapshot's format (see {@link WatchParty}).
 */
final class Seats {

    private final Map<UUID, Seat> soldByUser = new HashMap<>();
    private final Map<UUID, Hold> heldByUser = new HashMap<>();
    /** The people in line, first first; a hold takes its holder out of the line. */
    private final LinkedHashSet<UUID> waitingList = new LinkedHashSet<>();

    Optional<Seat> soldTo(UUID userId) {
        return Optional.ofNullable(soldByUser.get(userId));
    }

    Optional<Hold> heldFor(UUID userId) {
        return Optional.ofNullable(heldByUser.get(userId));
    }

    /** Whether this person's hold is the one that ends then (not one bought, or expired and given again). */
    boolean isHeldUntil(UUID userId, Instant expiresAt) {
        Hold hold = heldByUser.get(userId);
        return hold != null && hold.expiresAt().equals(expiresAt);
    }

    boolean hasTicket(UUID userId) {
        return soldByUser.containsKey(userId);
    }

    /** In line, or holding a seat given to them from it. */
    boolean isWaiting(UUID userId) {
        return waitingList.contains(userId) || heldByUser.containsKey(userId);
    }

    private int freeOf(int capacity) {
        return capacity - soldByUser.size() - heldByUser.size();
    }

    /** The first in line, while a seat is free for them. */
    Optional<UUID> nextToSeat(int capacity) {
        return freeOf(capacity) > 0 ? waitingList.stream().findFirst() : Optional.empty();
    }

    /** One ticket a person: a second one is refused. */
    void requireNoTicket(UUID userId) {
        require(!hasTicket(userId), ALREADY_PURCHASED, "you already hold a ticket for this party");
    }

    /** A seat for this buyer: one held for them, else a free one. */
    void requireSeatFor(UUID userId, int capacity) {
        require(heldByUser.containsKey(userId) || freeOf(capacity) > 0, SOLD_OUT,
                waitingList.isEmpty() && heldByUser.isEmpty() ? "this party is sold out"
                        : "this party is sold out; join its waiting list for a seat given back");
    }

    /** The waiting list is for a sold-out party: with a seat free, the seat is bought instead. */
    void requireSoldOut(int capacity) {
        require(freeOf(capacity) == 0, SEATS_AVAILABLE, "seats are free: buy one instead");
    }

    /** The party never shrinks below the seats it has sold and held. */
    void requireCapacity(int capacity) {
        require(capacity >= soldByUser.size() + heldByUser.size(), BELOW_TICKETS_SOLD,
                "max_participants cannot go below the " + soldByUser.size() + " tickets sold and "
                        + heldByUser.size() + " seats held", "max_participants");
    }

    void sell(UUID userId, Seat seat) {
        soldByUser.put(userId, seat);
        heldByUser.remove(userId);
        waitingList.remove(userId);
    }

    void giveBack(UUID userId) {
        soldByUser.remove(userId);
    }

    void queue(UUID userId) {
        waitingList.add(userId);
    }

    void hold(UUID userId, Hold hold) {
        waitingList.remove(userId);
        heldByUser.put(userId, hold);
    }

    void release(UUID userId) {
        heldByUser.remove(userId);
    }

    /** A sold seat, with the key that makes a retried purchase return it again. */
    record Seat(TicketPurchase purchase, String idempotencyKey) {

        boolean isRetriedBy(PurchaseTicketCommand command) {
            return idempotencyKey != null && idempotencyKey.equals(command.idempotencyKey())
                    && purchase.ticketId().equals(command.ticketId());
        }
    }

    /** A seat held for someone from the line until {@code expiresAt}, and the deadline that ends it. */
    record Hold(Instant expiresAt, String deadlineId) {
    }
}
