package com.watchparty.api.playback;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * @param position       the film position in seconds the action refers to
 * @param admin          admins may use the player even when it is restricted to the host
 * @param startsInMillis how far ahead a play or seek takes effect, so that every player in the room has it before
 *                       then and all start the frame together (0: at once); a pause always takes effect at once
 */
public record ControlPlaybackCommand(@TargetAggregateIdentifier UUID partyId, UUID userId, PlayerAction action,
                                     double position, boolean admin, long startsInMillis) {

    /** An action that takes effect as soon as it is stored. */
    public ControlPlaybackCommand(UUID partyId, UUID userId, PlayerAction action, double position, boolean admin) {
        this(partyId, userId, action, position, admin, 0);
    }
}
