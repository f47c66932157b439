package com.watchparty.api.playback;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * @param position      the film position in seconds at the moment the action takes effect, clamped to the film
 * @param takesEffectAt when a scheduled play or seek takes effect, a moment after it was stored, so that every
 *                      player has it in time and all start together; {@code null} (every pause, and every event
 *                      stored before scheduled plays): as it was stored
 */
@Revision("1")
public record PlaybackChangedEvent(UUID partyId, UUID userId, PlayerAction action, double position,
                                   Instant takesEffectAt) {

    /** An action that takes effect as it is stored. */
    public PlaybackChangedEvent(UUID partyId, UUID userId, PlayerAction action, double position) {
        this(partyId, userId, action, position, null);
    }

    /** When the action takes effect, given when it was stored. */
    public Instant effectiveAt(Instant storedAt) {
        return takesEffectAt == null ? storedAt : takesEffectAt;
    }
}
