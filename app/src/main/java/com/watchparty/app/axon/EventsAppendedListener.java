package com.watchparty.app.axon;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;

/**
 * Listens on PostgreSQL's {@code events_appended} channel, which a trigger on the event table notifies when a
 * transaction that appended events commits, on any instance; a notification from another instance wakes the event
 * store, so this instance's processors see its events at once rather than at the next poll. This instance's own
 * commits have woken the store already ({@link OwnBackends}). One connection of its own,
 * outside the pool, on one thread; when the connection fails it wakes the store (a notification may have been missed)
 * and connects again. The store's polling stays the fallback, so a missed notification costs latency, never an event.
 * It connects where the pool does: to the connection details, which a service connection (Docker Compose) sets in place
 * of {@code spring.datasource.*}.
 */
class EventsAppendedListener implements SmartLifecycle {

    static final String CHANNEL = "events_appended";
    private static final Logger log = LoggerFactory.getLogger(EventsAppendedListener.class);
    private static final int WAIT_MILLIS = 500;
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);

    private final JdbcConnectionDetails database;
    private final OwnBackends ownBackends;
    private final Runnable wakeStore;
    private volatile Thread thread;

    /** @param wakeStore makes the event store read new events now */
    EventsAppendedListener(JdbcConnectionDetails database, OwnBackends ownBackends, Runnable wakeStore) {
        this.database = database;
        this.ownBackends = ownBackends;
        this.wakeStore = wakeStore;
    }

    @Override
    public void start() {
        Thread listener = new Thread(this::listen, "events-appended-listener");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
    }

    @Override
    public void stop() {
        Thread listener = thread;
        thread = null;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(WAIT_MILLIS * 2L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void listen() {
        while (thread == Thread.currentThread() && !Thread.currentThread().isInterrupted()) {
            try (Connection connection = DriverManager.getConnection(database.getJdbcUrl(),
                    database.getUsername(), database.getPassword())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                wakeStore.run(); // whatever was appended while this instance was not listening
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (!Thread.currentThread().isInterrupted()) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null && Arrays.stream(received).anyMatch(this::fromAnotherInstance)) {
                        wakeStore.run();
                    }
                }
            } catch (SQLException e) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                log.warn("lost the {} listener's connection, events are polled until it is back: {}", CHANNEL,
                        e.getMessage());
                wakeStore.run();
                try {
                    Thread.sleep(RECONNECT_AFTER.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private boolean fromAnotherInstance(PGNotification notification) {
        return !ownBackends.isOwn(notification.getPID());
    }
}
