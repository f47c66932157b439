package com.watchparty.app.support;

import com.watchparty.app.WatchPartyApplication;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import com.watchparty.testsupport.OwnDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The whole service on a random port, on a PostgreSQL database of its own, with dev tokens and metrics on. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
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
public @interface WatchPartyIntegrationTest {
}
