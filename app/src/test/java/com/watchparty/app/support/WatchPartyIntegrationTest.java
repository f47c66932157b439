package com.watchparty.app.support;

import com.watchparty.app.WatchPartyApplication;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import com.watchparty.testsupport.OwnDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The base of the integration tests: the whole service on a random port, on a PostgreSQL database of its own, with
 * dev tokens and metrics on. Each test starts with an {@link #api} client of that port and an {@link #admin}, and may
 * reach the store ({@link #jdbc}) and send commands ({@link #commands}) as the service does.
 */
@SpringBootTest(classes = WatchPartyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"watchparty.auth.dev-tokens=true", "logging.structured.format.console=",
                // short presence timings, so reconnects and crashed instances are seen within a test
                "watchparty.realtime.room.reconnect-grace=2s", "watchparty.realtime.room.lease-heartbeat=1s",
                "watchparty.realtime.room.lease-timeout=3s",
                // Spring keeps each test context alive for reuse, each with its own pool: small pools that shrink
                // when idle keep the suite within PostgreSQL's 100 connections
                "spring.datasource.hikari.maximum-pool-size=12", "spring.datasource.hikari.minimum-idle=1",
                "spring.datasource.hikari.idle-timeout=10000"})
@ContextConfiguration(initializers = OwnDatabase.class)
@AutoConfigureObservability(tracing = false)
public abstract class WatchPartyIntegrationTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected CommandGateway commands;

    protected Api api;
    protected Api.User admin;

    @BeforeEach
    void connectAsAnAdmin() {
        api = new Api(port);
        admin = api.admin("Ada");
    }
}
