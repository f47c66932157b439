package com.watchparty.api.chat;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/**
 * Chat lines of one party, from any of its people, stored in one append: the lines that arrived while the party's
 * previous append was under way. Each line is judged on its own; the answer has a
 * {@link com.watchparty.api.error.BatchOutcomes}: one per line, in order.
 */
public record SendChatMessageBatchCommand(@TargetAggregateIdentifier UUID partyId,
                                          List<SendChatMessageCommand> lines) {
}
