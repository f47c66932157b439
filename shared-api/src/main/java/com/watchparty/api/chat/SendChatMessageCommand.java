package com.watchparty.api.chat;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record SendChatMessageCommand(@TargetAggregateIdentifier UUID partyId, UUID messageId, UUID userId,
                                     String content) {
}
