package com.watchparty.command.party;

import java.time.Instant;

/**
 * The payload of a status deadline: the time it was scheduled for. A deadline whose time no longer matches
 * the party's schedule is stale and does nothing, even if cancelling it had failed.
 */
public record StatusDeadline(Instant dueAt) {
}
