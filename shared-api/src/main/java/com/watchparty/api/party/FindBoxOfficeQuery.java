package com.watchparty.api.party;

import java.util.UUID;

/** Answered with {@code Optional<BoxOfficeView>}. */
public record FindBoxOfficeQuery(UUID partyId) {
}
