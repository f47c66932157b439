package com.watchparty.app.realtime;

import com.watchparty.app.support.Api;
import com.watchparty.app.support.RawSocket;
import com.watchparty.app.support.WatchPartyIntegrationTest;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A room filling with hundreds of people: what each socket receives while it fills must grow with the crowd, not
 * with its square. With the whole participant list sent to everyone at every join, 3N joiners would cost each
 * socket nine times what N do.
 */
class CrowdedRoomTest extends WatchPartyIntegrationTest {

    private static final int N = 100;
    private static final int JOINS_IN_FLIGHT = 25;

    final List<RawSocket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        sockets.forEach(RawSocket::close);
    }

    @Test
    void whatEachSocketReceivesWhileARoomFillsGrowsLinearlyWithTheCrowd() throws Exception {
        List<Api.User> people = new ArrayList<>();
        for (int i = 0; i < 3 * N; i++) {
            people.add(api.user("Guest " + i));
        }

        double small = meanReceivedWhileFilling(api, admin, people.subList(0, N));
        double crowd = meanReceivedWhileFilling(api, admin, people);

        assertThat(crowd / small).as("per-socket bytes at %d joiners against %d: %.0f vs %.0f", 3 * N, N, crowd, small)
                .isLessThan(4.5);
    }

    /** A party of {@code people}, all joining at once; the mean characters a socket receives until it is full. */
    private double meanReceivedWhileFilling(Api api, Api.User admin, List<Api.User> people) throws Exception {
        UUID ticket = api.ticket(admin, "1.00", false);
        UUID party = api.scheduleParty(admin, api.movie(admin, 3600), Instant.now().plusSeconds(120),
                Instant.now().plusSeconds(3600), people.size()).id();
        ExecutorService pool = Executors.newFixedThreadPool(JOINS_IN_FLIGHT);
        try {
            all(pool, people.stream().<Callable<Integer>>map(user -> () -> api.post("/watch-parties/" + party
                    + "/purchase", user, Map.of("ticket_id", ticket.toString())).status()).toList())
                    .forEach(status -> assertThat(status).isEqualTo(201));
            List<RawSocket> room = all(pool, people.stream().<Callable<RawSocket>>map(user -> () -> {
                RawSocket socket = RawSocket.connect(port, user.token());
                synchronized (sockets) {
                    sockets.add(socket);
                }
                return socket;
            }).toList());
            String join = new JSONObject().put("partyId", party.toString()).toString();
            all(pool, room.stream().<Callable<Boolean>>map(socket -> () ->
                    socket.request("join_party", join).getJSONObject(0).getBoolean("ok")).toList())
                    .forEach(ok -> assertThat(ok).isTrue());
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    api.get("/watch-parties/" + party, null).body().path("active_participants").asInt() == people.size());
            // every socket has the last coalesced participant_list, the one that counts everyone
            await().atMost(Duration.ofSeconds(10)).until(() -> room.stream().allMatch(socket ->
                    socket.latest("participant_list").map(list -> list.getInt("count")).orElse(0) == people.size()));
            assertThat(room).allMatch(RawSocket::isOpen);
            return room.stream().mapToLong(RawSocket::received).average().orElseThrow();
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> List<T> all(ExecutorService pool, List<Callable<T>> tasks) throws Exception {
        List<T> results = new ArrayList<>();
        for (Future<T> future : pool.invokeAll(tasks)) {
            results.add(future.get());
        }
        return results;
    }
}
