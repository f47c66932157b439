package com.watchparty.api.chat;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** Carries only what a message is; who is in the room is known from the presence events. */
@Revision("1")
public record ChatMessageSentEvent(UUID partyId, UUID messageId, UUID userId, String content) {
}
