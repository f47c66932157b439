package com.watchparty.realtime.room;

import com.watchparty.api.party.PartyAggregate;
import com.watchparty.api.room.RoomQuery;
import com.watchparty.api.room.RoomSnapshot;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feeds the rooms that have sockets on this instance. Every instance runs its own {@value #PROCESSING_GROUP}
 * processor from the head of the event store (see {@link RoomFeedConfiguration}), so each pushes to its own
 * sockets whichever instance handled the command, and only events already stored reach a room.
 * A room's state is loaded from the party's event stream when first asked for, then advanced event by event;
 * the sequence numbers make sure no event is applied twice or skipped.
 * <p>
 * It has side effects (it pushes to sockets), so it never handles a replay: {@link DisallowReplay} makes Axon skip
 * replayed events and report that this processor does not support a reset. It is no projection and is never rebuilt.
 */
@Component
@ProcessingGroup(RoomFeed.PROCESSING_GROUP)
@DisallowReplay
class RoomFeed {

    static final String PROCESSING_GROUP = "room-feed";

    private final Map<UUID, RoomState> rooms = new ConcurrentHashMap<>();
    private final EventStore eventStore;
    private final QueryUpdateEmitter emitter;
    private final Clock clock;
    private final String partyType;

    RoomFeed(EventStore eventStore, QueryUpdateEmitter emitter, Clock clock, PartyAggregate partyAggregate) {
        this.partyType = partyAggregate.type();
        this.eventStore = eventStore;
        this.emitter = emitter;
        this.clock = clock;
    }

    @QueryHandler
    Optional<RoomSnapshot> handle(RoomQuery query) {
        RoomState room = rooms.computeIfAbsent(query.partyId(), RoomState::new);
        synchronized (room) {
            if (!room.exists()) {
                catchUp(room, query.partyId());
            }
            if (!room.exists()) {
                rooms.remove(query.partyId());
                return Optional.empty();
            }
            return Optional.of(room.snapshot(clock.instant()));
        }
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> event) || !isParty(event)) {
            return;
        }
        UUID partyId = UUID.fromString(event.getAggregateIdentifier());
        RoomState room = rooms.get(partyId);
        if (room == null) {
            return;
        }
        synchronized (room) {
            if (!isWatched(partyId)) {
                rooms.remove(partyId);
            } else if (event.getSequenceNumber() == room.sequence() + 1) {
                room.apply(payload, event.getSequenceNumber(), event.getTimestamp()).ifPresent(update ->
                        emitter.emit(RoomQuery.class, q -> q.partyId().equals(partyId), update));
            } else if (event.getSequenceNumber() > room.sequence()) {
                // a gap (e.g. the store was read while this processor lagged): read what is missing from the store
                catchUp(room, partyId);
            }
        }
    }

    /**
     * Applies the stored events the room has not seen yet, announcing each change. Only a party's own events: the id
     * of a movie or a ticket type names no room.
     */
    private void catchUp(RoomState room, UUID partyId) {
        eventStore.readEvents(partyId.toString(), room.sequence() + 1).asStream().filter(this::isParty)
                .forEach(event -> room.apply(event.getPayload(), event.getSequenceNumber(), event.getTimestamp())
                        .ifPresent(update -> emitter.emit(RoomQuery.class, q -> q.partyId().equals(partyId), update)));
    }

    private boolean isParty(DomainEventMessage<?> event) {
        return partyType.equals(event.getType());
    }

    private boolean isWatched(UUID partyId) {
        return emitter.activeSubscriptions().stream()
                .anyMatch(s -> s.getPayload() instanceof RoomQuery q && q.partyId().equals(partyId));
    }
}
