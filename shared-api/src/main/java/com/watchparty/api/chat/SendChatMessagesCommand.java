package com.watchparty.api.chat;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/**
 * Chat lines of one party, from any of its people, stored in one append: the lines that arrived while the party's
 * previous append was under way. Each line is judged on its own; the answer says, line by line, what became of it.
 */
public record SendChatMessagesCommand(@TargetAggregateIdentifier UUID partyId,
                                      List<SendChatMessageCommand> lines) {
}
