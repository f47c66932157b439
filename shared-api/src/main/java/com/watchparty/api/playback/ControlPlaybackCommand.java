package com.watchparty.api.playback;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * @param position the film position in seconds the action refers to
 * @param admin    admins may use the player even when it is restricted to the host
 */
public record ControlPlaybackCommand(@TargetAggregateIdentifier UUID partyId, UUID userId, PlayerAction action,
                                     double position, boolean admin) {
}
