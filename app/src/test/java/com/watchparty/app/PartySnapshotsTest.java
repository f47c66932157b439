package com.watchparty.app;

import com.watchparty.api.chat.SendChatMessageCommand;
import com.watchparty.api.presence.JoinPartyCommand;
import com.watchparty.app.support.Api;
import com.watchparty.app.support.WatchPartyIntegrationTest;
import com.watchparty.command.party.WatchParty;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * A long, busy party is loaded from its latest snapshot and a bounded tail of events, never replayed from its
 * first event, and it keeps every rule when it is loaded that way.
 */
class PartySnapshotsTest extends WatchPartyIntegrationTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    @Qualifier("watchPartyCache")
    Cache watchPartyCache;
    @Value("${watchparty.party.snapshot-every}")
    int threshold;

    @Test
    void aBusyPartyIsLoadedFromItsLatestSnapshotAndStillKeepsItsRules() throws Exception {
        UUID ticket = api.ticket(admin, "3.00", false);
        Instant start = Instant.now().plus(Duration.ofMinutes(10)); // the lobby is open: users may join and chat
        UUID party = api.scheduleParty(admin, api.movie(admin, 5400), start, start.plus(Duration.ofHours(3)), 10).id();
        List<Api.User> users = new ArrayList<>();
        for (String name : List.of("Ann", "Ben", "Cy")) {
            Api.User user = api.user(name);
            assertThat(api.post("/watch-parties/" + party + "/purchase", user,
                    Map.of("ticket_id", ticket.toString())).status()).isEqualTo(201);
            users.add(user);
        }
        Api.User ann = users.get(0);
        Api.User ben = users.get(1);
        Api.User cy = users.get(2); // holds a ticket, never joins
        commands.sendAndWait(new JoinPartyCommand(party, ann.id(), ann.name(), false));
        commands.sendAndWait(new JoinPartyCommand(party, ben.id(), ben.name(), false));

        int messages = 2 * threshold + threshold / 2;
        for (int i = 0; i < messages; i++) {
            Api.User sender = i % 2 == 0 ? ann : ben;
            commands.sendAndWait(new SendChatMessageCommand(party, UUID.randomUUID(), sender.id(), "message " + i));
        }
        long lastSequence = lastSequenceOf(party);
        assertThat(lastSequence + 1).as("events in the party").isGreaterThan(2L * threshold);

        // snapshots are taken after the command that crossed the threshold committed; only the latest is kept
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshotSequences(party).stream()
                .anyMatch(s -> s > lastSequence - threshold));
        assertThat(snapshotSequences(party)).hasSize(1);

        // what a load reads: the snapshot, then at most `threshold` events
        DomainEventStream stream = eventStore.readEvents(party.toString());
        DomainEventMessage<?> first = stream.next();
        assertThat(first.getPayloadType()).isEqualTo(WatchParty.class);
        assertThat(first.getType()).isEqualTo("WatchParty");
        long tail = 0;
        long sequence = first.getSequenceNumber();
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            assertThat(event.getSequenceNumber()).isEqualTo(++sequence);
            tail++;
        }
        assertThat(tail).isLessThanOrEqualTo(threshold);
        assertThat(sequence).isEqualTo(lastSequence);

        // a repository of its own, without the cache, starts from the snapshot and reaches the same version
        AtomicReference<Class<?>> firstLoaded = new AtomicReference<>();
        var factory = new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(WatchParty.class));
        var repository = EventSourcingRepository.builder(WatchParty.class)
                .eventStore(eventStore)
                .aggregateFactory(new AggregateFactory<>() {
                    @Override
                    public WatchParty createAggregateRoot(String id, DomainEventMessage<?> firstEvent) {
                        firstLoaded.set(firstEvent.getPayloadType());
                        return factory.createAggregateRoot(id, firstEvent);
                    }

                    @Override
                    public Class<WatchParty> getAggregateType() {
                        return WatchParty.class;
                    }
                })
                .build();
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            assertThat(repository.load(party.toString()).version()).isEqualTo(lastSequence);
        } finally {
            unitOfWork.rollback();
        }
        assertThat(firstLoaded.get()).isEqualTo(WatchParty.class);

        // the service's own repository, its cache emptied, loads from the snapshot too and keeps every rule
        watchPartyCache.removeAll();
        Api.Response again = api.post("/watch-parties/" + party + "/purchase", ann, Map.of("ticket_id", ticket.toString()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("already_purchased");

        watchPartyCache.removeAll();
        commands.sendAndWait(new SendChatMessageCommand(party, UUID.randomUUID(), ben.id(), "still in the room"));
        assertThat(lastSequenceOf(party)).isEqualTo(lastSequence + 1);

        watchPartyCache.removeAll();
        assertThat(api.post("/watch-parties/" + party + "/purchase", api.user("Dee"),
                Map.of("ticket_id", ticket.toString())).status()).isEqualTo(201);

        watchPartyCache.removeAll();
        Throwable notJoined = catchThrowable(() -> commands.sendAndWait(
                new SendChatMessageCommand(party, UUID.randomUUID(), cy.id(), "I never joined")));
        assertThat(notJoined).hasMessageContaining("join the party before chatting");
    }

    private long lastSequenceOf(UUID party) {
        return jdbc.sql("select max(sequencenumber) from domainevententry where aggregateidentifier = ?")
                .param(party.toString()).query(Long.class).single();
    }

    private List<Long> snapshotSequences(UUID party) {
        return jdbc.sql("select sequencenumber from snapshotevententry where aggregateidentifier = ?")
                .param(party.toString()).query(Long.class).list();
    }
}
