package com.watchparty.api.moderation;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * The party has a new host: the one who controls a host-only player, names moderators and sets the room.
 *
 * @param previousHostId who was host before
 * @param by             who handed it over (the host or an admin); {@code null} when the host left a room whose
 *                       player only the host controls, and control passed on to whoever had been there longest
 */
@Revision("1")
public record HostChangedEvent(UUID partyId, UUID hostId, UUID previousHostId, UUID by) {
}
