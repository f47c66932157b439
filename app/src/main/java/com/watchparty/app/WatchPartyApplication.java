package com.watchparty.app;

import org.axonframework.springboot.autoconfig.JpaAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Assembles the command side and the query side into one service on one PostgreSQL.
 * <p>
 * The query side's JPA puts an entity manager in the context, and Axon's starter would then move its own storage to
 * JPA: the token store, the saga store and the dead-letter queues (its JDBC ones back off when they find JPA's), and,
 * if no engine were declared, the event store. Axon's tables stay on its JDBC engine (bytea, no {@code oid} large
 * objects, no sequence allocation), so Axon's JPA auto-configuration is left out.
 */
@SpringBootApplication(scanBasePackages = "com.watchparty",
        exclude = {JpaAutoConfiguration.class, JpaEventStoreAutoConfiguration.class})
public class WatchPartyApplication {

    /** Axon's update checker would call AxonIQ's servers at start-up; the service talks to PostgreSQL only. */
    static final String AXON_UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";
    /**
     * Tomcat gives every WebSocket three buffers of this size (frames in, frames out, text encoding), 8 KiB each by
     * default: 24 KiB a socket, for chat lines of a few hundred bytes. Longer frames go through in several passes.
     */
    static final String WEBSOCKET_BUFFER_SIZE = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    // JVM-wide settings that their libraries read once, before any of it starts (also when a test starts the service)
    static {
        defaultTo(AXON_UPDATE_CHECKER_DISABLED, "true");
        defaultTo(WEBSOCKET_BUFFER_SIZE, "2048");
    }

    public static void main(String[] args) {
        SpringApplication.run(WatchPartyApplication.class, args);
    }

    /** A {@code -D} given on the command line wins. */
    private static void defaultTo(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
