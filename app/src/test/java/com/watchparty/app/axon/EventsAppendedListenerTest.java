package com.watchparty.app.axon;

import com.watchparty.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The store is woken by the commits of other instances, not a second time by this instance's own, which wake it
 * themselves. Notifications are sent here as the trigger on the event table sends them, on a database of their own.
 */
class EventsAppendedListenerTest {

    private final TestDatabases.Database database = TestDatabases.create();
    private final OwnBackends ownBackends = new OwnBackends();
    private final AtomicInteger wakeUps = new AtomicInteger();
    private EventsAppendedListener listener;

    @BeforeEach
    void listen() {
        listener = new EventsAppendedListener(new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return database.username();
            }

            @Override
            public String getPassword() {
                return database.password();
            }

            @Override
            public String getJdbcUrl() {
                return database.url();
            }
        }, ownBackends, wakeUps::incrementAndGet);
        listener.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> wakeUps.get() == 1); // once listening, for what it missed
    }

    @AfterEach
    void stop() {
        listener.stop();
        database.drop();
    }

    @Test
    void anotherInstancesCommitWakesTheStoreAndThisInstancesOwnDoesNot() throws Exception {
        try (Connection own = ownBackends.remembering(this::connect).getConnection()) {
            notifyAppended(own);
        }
        try (Connection another = connect()) {
            notifyAppended(another);
        }

        // notifications arrive in the order of their commits: one of its own, had it woken the store, came first
        await().atMost(Duration.ofSeconds(10)).until(() -> wakeUps.get() > 1);
        Thread.sleep(600); // a listener's wait for notifications, for a wake-up too many to show
        assertThat(wakeUps.get()).as("woken once after start-up: for the other instance's commit").isEqualTo(2);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url(), database.username(), database.password());
    }

    private static void notifyAppended(Connection connection) throws SQLException {
        connection.createStatement().execute("NOTIFY " + EventsAppendedListener.CHANNEL);
    }
}
