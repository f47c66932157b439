package com.watchparty.api.reaction;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;
import java.util.UUID;

/** The reactions one instance's sockets sent to a party during one window, counted by emoji. */
public record RecordReactionsCommand(@TargetAggregateIdentifier UUID partyId, Map<String, Integer> counts) {
}
