package com.watchparty.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A fresh PostgreSQL database per test context: in a Testcontainers PostgreSQL where a Docker engine runs,
 * otherwise on the server at {@code WATCHPARTY_TEST_DB_URL} (default: the local one on 127.0.0.1:5432).
 * Each database is dropped by whoever owns it, once done with it ({@link Database#drop()}).
 */
public final class TestDatabases {

    private static final String SERVER_URL = env("WATCHPARTY_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = env("WATCHPARTY_TEST_DB_USER", "postgres");
    private static final String PASSWORD = env("WATCHPARTY_TEST_DB_PASSWORD", "");

    private static Server server;

    private TestDatabases() {
    }

    public record Server(String adminUrl, String username, String password) {

        String urlOf(String database) {
            int slash = adminUrl.lastIndexOf('/');
            int query = adminUrl.indexOf('?', slash);
            return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
        }
    }

    public record Database(Server server, String name) {

        public String url() {
            return server.urlOf(name);
        }

        public String username() {
            return server.username();
        }

        public String password() {
            return server.password();
        }

        public void drop() {
            execute(server, "drop database if exists " + name + " with (force)");
        }
    }

    public static synchronized Database create() {
        Server s = server();
        String name = "wp_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(s, "create database " + name);
        return new Database(s, name);
    }

    private static Server server() {
        if (server == null) {
            server = DockerClientFactory.instance().isDockerAvailable() ? container() : new Server(SERVER_URL, USER, PASSWORD);
        }
        return server;
    }

    @SuppressWarnings("resource") // lives as long as the test JVM; Testcontainers' reaper removes it
    private static Server container() {
        var postgres = new PostgreSQLContainer<>("postgres:15-alpine");
        postgres.start();
        return new Server(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
    }

    private static void execute(Server s, String sql) {
        try (Connection connection = DriverManager.getConnection(s.adminUrl(), s.username(), s.password())) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run '" + sql + "' on " + s.adminUrl(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
