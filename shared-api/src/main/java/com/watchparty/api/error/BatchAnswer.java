package com.watchparty.api.error;

import java.util.List;

/**
 * The answer to a batch of commands: an outcome per command, in order. Each batch answers a record type of its own,
 * not a bare list, so that the answer keeps its element type when it comes back from another instance as JSON.
 */
public interface BatchAnswer<O extends CommandOutcome> {

    List<O> outcomes();
}
