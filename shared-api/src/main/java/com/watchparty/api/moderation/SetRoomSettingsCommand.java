package com.watchparty.api.moderation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * The host's or an admin's live settings of the room; {@code null} keeps a setting as it is.
 *
 * @param slowModeSeconds how long each participant waits between two messages; 0 turns slow mode off
 */
public record SetRoomSettingsCommand(@TargetAggregateIdentifier UUID partyId, Integer slowModeSeconds,
                                     Boolean hostOnlyPlayback, Moderator by) {
}
