package com.watchparty.app.axon;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * With {@code axon.axonserver.enabled=true}, start-up connects to the configured Axon Server and fails, naming the
 * address, if it cannot within {@code watchparty.axon-server.connect-timeout}. Axon's connector would otherwise retry
 * in the background for ever: the instance would start, report itself up, and hang on its first command.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
@EnableConfigurationProperties(AxonServerProperties.class)
class AxonServerReachability {

    AxonServerReachability(AxonServerConnectionManager connections, AxonServerConfiguration server,
                           AxonServerProperties properties) throws InterruptedException {
        Duration timeout = properties.connectTimeout();
        String context = connections.getDefaultContext();
        connections.getConnection(context);
        Instant deadline = Instant.now().plus(timeout);
        while (!connections.isConnected(context)) {
            if (Instant.now().isAfter(deadline)) {
                connections.disconnect(context);
                throw new IllegalStateException("Axon Server is unreachable at " + server.getServers()
                        + " (axon.axonserver.servers, context " + context + ") after " + timeout.toMillis() + " ms"
                        + "; start it, correct the address, or set axon.axonserver.enabled=false");
            }
            Thread.sleep(100);
        }
    }
}
