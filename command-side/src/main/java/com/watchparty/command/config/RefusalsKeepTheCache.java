package com.watchparty.command.config;

import com.watchparty.api.error.Rejections;
import org.axonframework.messaging.unitofwork.RollbackConfiguration;

/**
 * A refused command commits its (empty) unit of work instead of rolling it back. Every handler checks its rules
 * before it applies anything, so a refusal has nothing to undo; but a rollback evicts the aggregate from the cache,
 * and the next command on a busy party then replayed it from its snapshot and up to 250 events: in a sale rush,
 * each "sold out" cost the next buyer a reload of the party (25 ms of CPU, under the party's lock).
 * Any other failure rolls back as before.
 */
final class RefusalsKeepTheCache implements RollbackConfiguration {

    @Override
    public boolean rollBackOn(Throwable failure) {
        return Rejections.refusalIn(failure).isEmpty();
    }
}
