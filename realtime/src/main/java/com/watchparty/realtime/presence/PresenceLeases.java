package com.watchparty.realtime.presence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The {@code presence_lease} table: which instance holds which user in which room, renewed by heartbeats. */
@Repository
class PresenceLeases {

    record Lease(UUID partyId, UUID userId) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PresenceLeases(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void hold(Lease lease, String instance, int roundTripMillis) {
        jdbc.sql("""
                        insert into presence_lease (party_id, user_id, instance_id, heartbeat_at, round_trip_ms)
                        values (?, ?, ?, ?, ?)
                        on conflict (party_id, user_id, instance_id) do update
                        set heartbeat_at = excluded.heartbeat_at, round_trip_ms = excluded.round_trip_ms""")
                .params(lease.partyId(), lease.userId(), instance, now(), roundTripMillis).update();
    }

    /** The largest round trip this instance's sockets of the user measured. */
    void roundTrip(Lease lease, String instance, int roundTripMillis) {
        jdbc.sql("update presence_lease set round_trip_ms = ? where party_id = ? and user_id = ? and instance_id = ?")
                .params(roundTripMillis, lease.partyId(), lease.userId(), instance).update();
    }

    /** The largest round trip of anyone in the room, on any instance (0 if nobody measured one). */
    int largestRoundTrip(UUID partyId) {
        return jdbc.sql("select coalesce(max(round_trip_ms), 0) from presence_lease where party_id = ?")
                .param(partyId).query(Integer.class).single();
    }

    /** Drops this instance's lease; returns whether another instance still holds the user in the room. */
    boolean release(Lease lease, String instance) {
        jdbc.sql("delete from presence_lease where party_id = ? and user_id = ? and instance_id = ?")
                .params(lease.partyId(), lease.userId(), instance).update();
        return held(lease);
    }

    void renew(String instance) {
        jdbc.sql("update presence_lease set heartbeat_at = ? where instance_id = ?").params(now(), instance).update();
    }

    /** Removes leases not renewed for {@code timeout} and returns those whose user is now held by no instance. */
    List<Lease> sweep(Duration timeout) {
        List<Lease> expired = jdbc.sql("delete from presence_lease where heartbeat_at < ? returning party_id, user_id")
                .param(Timestamp.from(clock.instant().minus(timeout)))
                .query((rs, n) -> new Lease(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
        return expired.stream().distinct().filter(lease -> !held(lease)).toList();
    }

    private boolean held(Lease lease) {
        return jdbc.sql("select exists (select 1 from presence_lease where party_id = ? and user_id = ?)")
                .params(lease.partyId(), lease.userId()).query(Boolean.class).single();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
