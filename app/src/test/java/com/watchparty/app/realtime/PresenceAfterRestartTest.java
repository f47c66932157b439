package com.watchparty.app.realtime;

import com.watchparty.api.presence.JoinPartyCommand;
import com.watchparty.app.support.Api;
import com.watchparty.app.support.WatchPartyIntegrationTest;
import com.watchparty.realtime.RealtimeRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart: the leases the instance held before are long expired when it starts again, and the people who held
 * them are reconnecting at that moment. The sweep waits out the reconnect grace, so they are not logged as having
 * left (and then joined again). This context is fresh, as after a restart, with a grace longer than the test.
 */
@DirtiesContext // a context of its own settings, used once: its connections go back at once
@TestPropertySource(properties = "watchparty.realtime.room.reconnect-grace=60s")
class PresenceAfterRestartTest extends WatchPartyIntegrationTest {

    @Autowired
    RealtimeRules rules;

    @Test
    void leasesLeftFromBeforeARestartAreNotSweptBeforeTheirPeopleCanReconnect() throws Exception {
        assertThat(rules.reconnectGrace()).isEqualTo(Duration.ofSeconds(60));
        Api.User ann = api.user("Ann");
        UUID party = api.ongoingParty(admin, 5, List.of(ann));
        commands.sendAndWait(new JoinPartyCommand(party, ann.id(), "Ann", false));
        jdbc.sql("insert into presence_lease (party_id, user_id, instance_id, heartbeat_at) values (?, ?, ?, ?)")
                .params(party, ann.id(), "the-instance-before-the-restart",
                        Timestamp.from(Instant.now().minus(Duration.ofMinutes(10)))).update();

        Thread.sleep(rules.leaseHeartbeat().multipliedBy(4).toMillis()); // several sweeps' time

        assertThat(jdbc.sql("select count(*) from domainevententry where aggregateidentifier = ? and payloadtype like '%UserLeftPartyEvent'")
                .param(party.toString()).query(Long.class).single()).as("leaves recorded").isZero();
        assertThat(jdbc.sql("select count(*) from presence_lease where party_id = ?").param(party)
                .query(Long.class).single()).as("the lease waits for its user to come back").isEqualTo(1);
    }
}
