package com.watchparty.api.playback;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** Who may use the player: everyone in the room (the default), or only admins and the party's host. */
@Revision("1")
public record PlaybackControlChangedEvent(UUID partyId, boolean hostOnly) {
}
