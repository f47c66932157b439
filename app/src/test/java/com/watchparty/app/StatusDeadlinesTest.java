package com.watchparty.app;

import com.watchparty.app.support.Api;
import com.watchparty.app.support.Instances;
import com.watchparty.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Status changes on the real, persistent deadline manager (db-scheduler on PostgreSQL): on time, once with two
 * instances on one database, and at once after a restart that slept through the start.
 */
class StatusDeadlinesTest {

    private static final TestDatabases.Database DATABASE = TestDatabases.create();

    @AfterAll
    static void dropDatabase() {
        DATABASE.drop(); // every instance of each test has closed by now
    }

    @Test
    void twoInstancesOnOneDatabaseMoveAPartyThroughItsStatusesOnce() {
        try (var first = Instances.start(DATABASE); var second = Instances.start(DATABASE)) {
            Api api = new Api(Instances.port(first));
            Api.User admin = api.admin("Ada");
            Instant start = Instant.now().plusSeconds(2);
            UUID party = api.scheduleParty(admin, api.movie(admin, 600), start, start.plusSeconds(2), 5).id();
            Api secondApi = new Api(Instances.port(second));

            await().atMost(Duration.ofSeconds(10)).until(() ->
                    secondApi.get("/watch-parties/" + party, null).text("status").equals("ongoing"));
            assertThat(Instant.now()).isAfterOrEqualTo(start);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    secondApi.get("/watch-parties/" + party, null).text("status").equals("finished"));

            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(count(jdbc, party, "WatchPartyStartedEvent")).isEqualTo(1);
            assertThat(count(jdbc, party, "WatchPartyFinishedEvent")).isEqualTo(1);
        }
    }

    @Test
    void aStartMissedWhileTheServiceWasDownHappensAtOnceOnStartUp() throws InterruptedException {
        UUID party;
        Instant start;
        try (var before = Instances.start(DATABASE)) {
            Api api = new Api(Instances.port(before));
            Api.User admin = api.admin("Ada");
            start = Instant.now().plusSeconds(2);
            party = api.scheduleParty(admin, api.movie(admin, 600), start, start.plusSeconds(3600), 5).id();
        }
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), start).toMillis()) + 1000);

        try (var after = Instances.start(DATABASE)) {
            Api api = new Api(Instances.port(after));
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    api.get("/watch-parties/" + party, null).text("status").equals("ongoing"));
        }
    }

    private static long count(JdbcClient jdbc, UUID party, String eventType) {
        return jdbc.sql("select count(*) from domainevententry where aggregateidentifier = ? and payloadtype like ?")
                .params(party.toString(), "%." + eventType).query(Long.class).single();
    }
}
