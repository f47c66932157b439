package com.watchparty.api.moderation;

import java.util.UUID;

/**
 * Who asks for a moderation action: their id, and whether their token makes them an admin (admins may moderate
 * every party).
 */
public record Moderator(UUID userId, boolean admin) {
}
