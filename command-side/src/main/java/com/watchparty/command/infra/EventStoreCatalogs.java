package com.watchparty.command.infra;

import com.watchparty.api.catalog.MovieAddedEvent;
import com.watchparty.api.ticketing.TicketCreatedEvent;
import com.watchparty.command.party.MovieCatalog;
import com.watchparty.command.party.TicketCatalog;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Answers the party's catalog questions from the event store itself: movies and ticket types never change
 * after they are created, so their first event is all there is to know. No lock on those aggregates is taken,
 * so purchases on many parties never queue behind one ticket type.
 * <p>
 * Being immutable, the facts found are kept in memory for good: a purchase, which asks while it holds the party's
 * lock, then reads nothing from the store (two queries and the event's JSON before). Only what was found is kept,
 * so a ticket type created later on another instance is found then. The catalog is an admin's, so it stays small.
 */
@Component
class EventStoreCatalogs implements MovieCatalog, TicketCatalog {

    private final EventStore eventStore;
    private final Map<UUID, MovieFacts> movies = new ConcurrentHashMap<>();
    private final Map<UUID, TicketFacts> tickets = new ConcurrentHashMap<>();

    EventStoreCatalogs(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<MovieFacts> findMovie(UUID movieId) {
        return remembered(movies, movieId, () -> creationEvent(movieId, MovieAddedEvent.class)
                .map(e -> new MovieFacts(e.durationSeconds())));
    }

    @Override
    public Optional<TicketFacts> findTicket(UUID ticketId) {
        return remembered(tickets, ticketId, () -> creationEvent(ticketId, TicketCreatedEvent.class)
                .map(e -> new TicketFacts(e.price(), e.currency(), e.voucher())));
    }

    private static <T> Optional<T> remembered(Map<UUID, T> known, UUID id,
                                              Supplier<Optional<T>> lookup) {
        T facts = known.get(id);
        if (facts != null) {
            return Optional.of(facts);
        }
        Optional<T> found = lookup.get();
        found.ifPresent(f -> known.put(id, f));
        return found;
    }

    private <T> Optional<T> creationEvent(UUID aggregateId, Class<T> type) {
        return eventStore.readEvents(aggregateId.toString()).asStream()
                .findFirst()
                .map(DomainEventMessage::getPayload)
                .filter(type::isInstance)
                .map(type::cast);
    }
}
