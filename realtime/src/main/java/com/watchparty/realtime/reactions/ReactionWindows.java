package com.watchparty.realtime.reactions;

import com.watchparty.api.reaction.RecordReactionsCommand;
import com.watchparty.realtime.RealtimeRules;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Counts the reactions this instance's sockets send, per party, and stores each window's counts as one command at
 * the end of the window ({@code watchparty.realtime.room.reaction-window}): a thousand people laughing cost the party
 * one event per window, and the room one {@code reactions} push, which the room feed sends once it is stored.
 */
@Component
public class ReactionWindows {

    private static final Logger log = LoggerFactory.getLogger(ReactionWindows.class);

    private final Map<UUID, Map<String, Integer>> open = new ConcurrentHashMap<>();
    private final CommandGateway commands;

    ReactionWindows(CommandGateway commands, RealtimeRules rules, ScheduledExecutorService realtimeTimers) {
        this.commands = commands;
        long every = rules.reactionWindow().toMillis();
        realtimeTimers.scheduleAtFixedRate(this::close, every, every, TimeUnit.MILLISECONDS);
    }

    /** Counts one reaction in the party's current window. */
    public void add(UUID partyId, String emoji) {
        open.compute(partyId, (id, counts) -> {
            Map<String, Integer> window = counts == null ? new HashMap<>() : counts;
            window.merge(emoji, 1, Integer::sum);
            return window;
        });
    }

    /** Ends every open window; a reaction counted meanwhile opens the party's next one. */
    private void close() {
        for (UUID partyId : open.keySet()) {
            Map<String, Integer> counts = open.remove(partyId);
            if (counts == null) {
                continue;
            }
            try {
                commands.send(new RecordReactionsCommand(partyId, counts)).whenComplete((done, failure) -> {
                    if (failure != null) {
                        log.warn("reactions of party {} not stored: {}", partyId, failure.getMessage());
                    }
                });
            } catch (RuntimeException e) {
                // the timer must go on for the other parties and the next windows
                log.warn("reactions of party {} not stored: {}", partyId, e.getMessage());
            }
        }
    }
}
