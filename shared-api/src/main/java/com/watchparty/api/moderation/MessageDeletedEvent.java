package com.watchparty.api.moderation;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The line leaves the room and the replay; the log keeps it for admins. */
@Revision("1")
public record MessageDeletedEvent(UUID partyId, UUID messageId, UUID deletedBy) {
}
