package com.watchparty.api.chat;

import com.watchparty.api.error.Rejection;

import java.util.UUID;

/** What became of one line of a {@link SendChatMessagesCommand}: stored, or refused for the reason given. */
public record ChatLineOutcome(UUID messageId, Rejection refusal) {

    public static ChatLineOutcome stored(UUID messageId) {
        return new ChatLineOutcome(messageId, null);
    }

    public boolean isStored() {
        return refusal == null;
    }
}
