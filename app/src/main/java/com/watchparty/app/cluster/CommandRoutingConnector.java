package com.watchparty.app.cluster;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.distributed.Member;
import org.axonframework.extensions.jgroups.commandhandling.JGroupsConnector;

/**
 * Axon's JGroups connector, except that a command routed to this instance is handed to the local command bus as it
 * is. The connector sends those through the channel to itself too: serialized, deserialized, handled on one of its
 * threads, with any failure turned into a description of a remote exception.
 */
class CommandRoutingConnector extends JGroupsConnector {

    CommandRoutingConnector(Builder builder) {
        super(builder);
    }

    @Override
    public <C> void send(Member destination, CommandMessage<? extends C> command) throws Exception {
        if (isThisInstance(destination)) {
            localSegment().orElseThrow().dispatch(command);
        } else {
            super.send(destination, command);
        }
    }

    @Override
    public <C, R> void send(Member destination, CommandMessage<C> command, CommandCallback<? super C, R> callback)
            throws Exception {
        if (isThisInstance(destination)) {
            localSegment().orElseThrow().dispatch(command, callback);
        } else {
            super.send(destination, command, callback);
        }
    }

    private boolean isThisInstance(Member destination) {
        return destination.name().equals(getNodeName());
    }
}
