package com.watchparty.app.cluster;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.distributed.AnnotationRoutingStrategy;
import org.axonframework.commandhandling.distributed.DistributedCommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.extensions.jgroups.commandhandling.JGroupsConnector;
import org.axonframework.serialization.Serializer;
import org.jgroups.JChannel;
import org.jgroups.protocols.BARRIER;
import org.jgroups.protocols.FD_ALL;
import org.jgroups.protocols.FD_SOCK;
import org.jgroups.protocols.FRAG2;
import org.jgroups.protocols.JDBC_PING;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.MFC;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.VERIFY_SUSPECT;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.util.StackType;
import org.jgroups.util.Util;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import javax.sql.DataSource;
import java.util.concurrent.TimeUnit;

/**
 * Commands routed by party: Axon's {@link DistributedCommandBus} sends each command to the one instance that the
 * consistent hash of the live instances assigns its aggregate id to, so one party's commands are handled in one JVM,
 * one after another, against its cached copy, instead of colliding on its event stream from several. Membership and
 * transport are Axon's JGroups extension: the instances find each other through a table in the shared database
 * (JGroups' {@code JDBC_PING}), which works alike on one machine and in Kubernetes, and talk over TCP.
 * <p>
 * With Axon Server ({@code axon.axonserver.enabled=true}) Axon Server routes commands, and none of this is built.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommandRoutingProperties.class)
@WithCommandRouting
class CommandRoutingConfiguration {

    @Bean(destroyMethod = "close")
    JChannel commandRoutingChannel(CommandRoutingProperties routing, DataSource dataSource, InstanceName instanceName)
            throws Exception {
        TCP transport = new TCP()
                .setBindAddress(Util.getAddress(routing.bindAddress(), StackType.IPv4))
                .setBindPort(routing.bindPort())
                .setPortRange(routing.portRange());
        JDBC_PING discovery = new JDBC_PING();
        discovery.setDataSource(dataSource);
        discovery.setValue("initialize_sql", ""); // Flyway made the table
        // the coordinator rewrites the table at every view: rows of instances that crashed do not pile up
        discovery.setValue("remove_all_data_on_view_change", true);
        long failureTimeout = routing.failureTimeout().toMillis();
        FD_ALL heartbeats = new FD_ALL().setTimeout(failureTimeout).setInterval(Math.max(failureTimeout / 4, 100));
        return new JChannel(transport, discovery, new MERGE3(), new FD_SOCK(), heartbeats, new VERIFY_SUSPECT(),
                new BARRIER(), new NAKACK2(), new UNICAST3(), new STABLE(), new GMS().setJoinTimeout(2000), new MFC(),
                new FRAG2()).name(instanceName.value());
    }

    /**
     * Joins the other instances when created, and fails the start-up clearly if it cannot within the join timeout.
     * A change of membership empties the aggregate cache: a party that comes back to an instance later would otherwise
     * be handled on the copy it had before, which misses what the other instance appended meanwhile.
     */
    @Bean(destroyMethod = "disconnect")
    JGroupsConnector commandRoutingConnector(JChannel commandRoutingChannel,
                                             @Qualifier("localSegment") CommandBus localSegment,
                                             @Qualifier("messageSerializer") Serializer serializer,
                                             CommandRoutingProperties routing, Cache watchPartyCache)
            throws Exception {
        JGroupsConnector connector = new CommandRoutingConnector(JGroupsConnector.builder()
                .channel(commandRoutingChannel)
                .clusterName(routing.cluster())
                .localSegment(localSegment)
                .serializer(serializer)
                .routingStrategy(AnnotationRoutingStrategy.defaultStrategy())
                .consistentHashChangeListener(hash -> watchPartyCache.removeAll()));
        connector.connect();
        if (!connector.awaitJoined(routing.joinTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            connector.disconnect();
            throw new IllegalStateException("could not join the command routing cluster '" + routing.cluster()
                    + "' within " + routing.joinTimeout());
        }
        return connector;
    }

    /**
     * The command bus every caller, and Axon's configuration, uses; the local one handles what is routed here. It has
     * no message monitor of its own: the local bus's ({@code commandBus_*}) counts and times each command where it is
     * handled, and a second one here timed every command twice (1.5% of a sale rush's CPU).
     */
    @Bean
    @Primary
    DistributedCommandBus distributedCommandBus(JGroupsConnector commandRoutingConnector) {
        return new RoutedCommandBus(DistributedCommandBus.builder()
                .commandRouter(commandRoutingConnector)
                .connector(commandRoutingConnector));
    }
}
