package com.watchparty.api.playback;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** @param position the film position in seconds at the moment of the action, clamped to the film */
@Revision("1")
public record PlaybackChangedEvent(UUID partyId, UUID userId, PlayerAction action, double position) {
}
