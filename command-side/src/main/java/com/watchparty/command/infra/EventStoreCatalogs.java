package com.watchparty.command.infra;

import com.watchparty.api.catalog.MovieAddedEvent;
import com.watchparty.api.ticketing.TicketCreatedEvent;
import com.watchparty.command.party.MovieCatalog;
import com.watchparty.command.party.TicketCatalog;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Answers the party's catalog questions from the event store itself: movies and ticket types never change
 * after they are created, so their first event is all there is to know. No lock on those aggregates is taken,
 * so purchases on many parties never queue behind one ticket type.
 */
@Component
class EventStoreCatalogs implements MovieCatalog, TicketCatalog {

    private final EventStore eventStore;

    EventStoreCatalogs(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<MovieFacts> findMovie(UUID movieId) {
        return creationEvent(movieId, MovieAddedEvent.class).map(e -> new MovieFacts(e.durationSeconds()));
    }

    @Override
    public Optional<TicketFacts> findTicket(UUID ticketId) {
        return creationEvent(ticketId, TicketCreatedEvent.class)
                .map(e -> new TicketFacts(e.price(), e.currency(), e.voucher()));
    }

    private <T> Optional<T> creationEvent(UUID aggregateId, Class<T> type) {
        return eventStore.readEvents(aggregateId.toString()).asStream()
                .findFirst()
                .map(DomainEventMessage::getPayload)
                .filter(type::isInstance)
                .map(type::cast);
    }
}
