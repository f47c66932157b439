package com.watchparty.app.cluster;

import com.watchparty.command.config.ConcurrencyRetryScheduler;
import org.jgroups.Address;
import org.jgroups.JChannel;
import org.jgroups.View;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The instances as this one sees them: those in the command routing (JGroups' view) and those holding segments of
 * the shared projections (the owners in the token store), which are the same instances under the same names.
 */
@Component
@WithCommandRouting
class ClusterStatus {

    /**
     * {@code GET /admin/cluster}.
     *
     * @param instance       the instance that answered
     * @param instances      every instance routing commands or holding segments, by name
     * @param commandRetries commands the answering instance sent again (after a conflict or a lost instance)
     */
    record Overview(String instance, List<Instance> instances, long commandRetries) {
    }

    /**
     * @param routesCommands whether it is in the command routing: commands for some parties go to it
     * @param segments       the segments it holds, by processor (only the shared projections: each instance
     *                       also runs its own {@code room-feed})
     */
    record Instance(String name, boolean thisInstance, boolean routesCommands, Map<String, List<Integer>> segments) {
    }

    private final JChannel channel;
    private final JdbcClient jdbc;
    private final ConcurrencyRetryScheduler retries;

    ClusterStatus(JChannel channel, JdbcClient jdbc, ConcurrencyRetryScheduler retries) {
        this.channel = channel;
        this.jdbc = jdbc;
        this.retries = retries;
    }

    Overview overview() {
        List<String> routing = routingMembers();
        Map<String, Map<String, List<Integer>>> claims = new TreeMap<>();
        jdbc.sql("select owner, processorname, segment from tokenentry where owner is not null"
                        + " order by processorname, segment")
                .query(rs -> {
                    claims.computeIfAbsent(rs.getString(1), owner -> new TreeMap<>())
                            .computeIfAbsent(rs.getString(2), processor -> new ArrayList<>()).add(rs.getInt(3));
                });
        Set<String> names = new LinkedHashSet<>(routing);
        names.addAll(claims.keySet());
        String self = channel.getName();
        List<Instance> instances = names.stream()
                .map(name -> new Instance(name, name.equals(self), routing.contains(name),
                        claims.getOrDefault(name, Map.of())))
                .toList();
        return new Overview(self, instances, retries.retries());
    }

    /** The members of the command routing, oldest first; empty while this instance is not connected. */
    List<String> routingMembers() {
        View view = channel.getView();
        return view == null || !channel.isConnected() ? List.of()
                : view.getMembers().stream().map(Address::toString).toList();
    }

    String instance() {
        return channel.getName();
    }
}
