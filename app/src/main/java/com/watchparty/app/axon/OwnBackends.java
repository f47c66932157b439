package com.watchparty.app.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PostgreSQL backends (server processes) that this instance's storage engine used lately. A commit of this
 * instance wakes its event store itself, as Axon does after every commit, so that commit's {@code events_appended}
 * notification, which names the backend that sent it, need not wake the store again ({@link EventsAppendedListener}):
 * each wake-up costs the store's producer two or three reads of the event table, and a busy party commits hundreds of
 * times a second.
 * <p>
 * A backend counts as this instance's for {@link #REMEMBERED} after its last use. The server may later give its
 * process id to another instance's connection; by then it is forgotten, and were it not, that instance's events
 * would only wait for the fetch delay. A transaction that appends for longer merely wakes the store twice.
 */
final class OwnBackends {

    static final Duration REMEMBERED = Duration.ofMinutes(1);

    /** Backend process id: when this instance last took a connection to it, in {@link System#nanoTime()}. */
    private final Map<Integer, Long> lastUse = new ConcurrentHashMap<>();

    /** @return {@code connections}, each of whose backends is remembered as this instance's when handed out */
    ConnectionProvider remembering(ConnectionProvider connections) {
        return () -> {
            Connection connection = connections.getConnection();
            remember(connection);
            return connection;
        };
    }

    private void remember(Connection connection) throws SQLException {
        if (connection.isWrapperFor(PGConnection.class)) {
            long now = System.nanoTime();
            if (lastUse.put(connection.unwrap(PGConnection.class).getBackendPID(), now) == null) {
                lastUse.values().removeIf(used -> now - used > REMEMBERED.toNanos()); // a new one: old ones may go
            }
        }
    }

    /** @return whether this instance used the backend with that process id lately */
    boolean isOwn(int backendPid) {
        Long used = lastUse.get(backendPid);
        return used != null && System.nanoTime() - used <= REMEMBERED.toNanos();
    }
}
