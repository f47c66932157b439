package com.watchparty.api.identity;

import java.util.UUID;

/** The authenticated user on whose behalf a request runs; taken from the verified token, never from the body. */
public record Caller(UUID id, String name, boolean admin) {
}
