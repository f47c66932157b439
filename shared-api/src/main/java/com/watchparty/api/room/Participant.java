package com.watchparty.api.room;

import java.util.UUID;

public record Participant(UUID userId, String username) {
}
