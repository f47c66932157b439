package com.watchparty.api.ticketing;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone's place in a party's waiting list.
 *
 * @param position      1 for the first in line; {@code null} while holding a seat
 * @param holdExpiresAt until when the held seat is theirs to buy, or {@code null} while waiting
 */
public record WaitingListPlace(UUID watchPartyId, UUID userId, State state, Integer position, Instant holdExpiresAt) {

    public enum State { WAITING, HOLDING }
}
