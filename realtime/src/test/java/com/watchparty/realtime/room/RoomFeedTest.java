package com.watchparty.realtime.room;

import com.watchparty.api.catalog.MovieAddedEvent;
import com.watchparty.api.party.PartyAggregate;
import com.watchparty.api.party.WatchPartyScheduledEvent;
import com.watchparty.api.room.RoomQuery;
import com.watchparty.api.room.RoomSnapshot;
import com.watchparty.api.ticketing.TicketCreatedEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Which ids name a room: a party's, and no other aggregate's, whatever the store holds under that id. */
class RoomFeedTest {

    static final Instant START = Instant.parse("2030-01-15T20:00:00Z");
    /** Not the aggregate's class name: the feed knows a party by the type it is given, not by a name of its own. */
    static final PartyAggregate PARTY = new PartyAggregate("Screening");

    final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    final RoomFeed feed = new RoomFeed(store, SimpleQueryUpdateEmitter.builder().build(),
            Clock.fixed(START.minusSeconds(600), ZoneOffset.UTC), PARTY);

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void aPartyHasARoom() {
        UUID party = UUID.randomUUID();
        store.publish(new GenericDomainEventMessage<>(PARTY.type(), party.toString(), 0,
                new WatchPartyScheduledEvent(party, UUID.randomUUID(), 3600, START, START.plusSeconds(7200), false,
                        10, UUID.randomUUID())));

        assertThat(feed.handle(new RoomQuery(party))).map(RoomSnapshot::movieDurationSeconds).contains(3600);
    }

    @Test
    void aMovieHasNoRoom() {
        UUID movie = UUID.randomUUID();
        store.publish(new GenericDomainEventMessage<>("Movie", movie.toString(), 0,
                new MovieAddedEvent(movie, "Metropolis", 9180, "/media/metropolis.mp4", null)));

        assertThat(feed.handle(new RoomQuery(movie))).isEmpty();
    }

    @Test
    void aTicketTypeHasNoRoom() {
        UUID ticket = UUID.randomUUID();
        store.publish(new GenericDomainEventMessage<>("Ticket", ticket.toString(), 0,
                new TicketCreatedEvent(ticket, "Standard", new BigDecimal("5.00"), "EUR", null, false)));

        assertThat(feed.handle(new RoomQuery(ticket))).isEmpty();
    }
}
