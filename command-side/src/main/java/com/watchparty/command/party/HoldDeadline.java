package com.watchparty.command.party;

import java.time.Instant;
import java.util.UUID;

/**
 * The payload of a hold's deadline: whose hold, and until when. A deadline that no longer matches a hold of the
 * party (bought, or expired and given again) is stale and does nothing.
 */
public record HoldDeadline(UUID userId, Instant expiresAt) {
}
