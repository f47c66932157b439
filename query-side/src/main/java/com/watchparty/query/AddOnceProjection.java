package com.watchparty.query;

import com.watchparty.api.Page;
import com.watchparty.api.PageRequest;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A projection of things that are added once and never change, each a row with the id of the event that added it:
 * the catalog's movies, the ticket types. It stores a row once (a redelivered event changes nothing), tells the
 * subscribers of the row's "find" query, reads one row or a page of them, and empties its table at a reset.
 * Subclasses bind it to their events and queries, whose types Axon reads from the handlers' signatures.
 *
 * @param <R> the row
 * @param <V> the view of a row that the queries answer with
 * @param <Q> the query for one row, whose subscribers hear of it when it is added
 */
public abstract class AddOnceProjection<R extends ViewRow<UUID>, V, Q> {

    private final JpaRepository<R, UUID> rows;
    private final Function<R, V> view;
    private final Sort order;
    private final QueryUpdateEmitter emitter;
    private final Class<Q> findQuery;
    private final Function<Q, UUID> idAsked;

    /**
     * @param order     the order of a page, ending with the id so that pages never overlap
     * @param findQuery the query for one row ...
     * @param idAsked   ... and the id it asks for
     */
    protected AddOnceProjection(JpaRepository<R, UUID> rows, Function<R, V> view, Sort order,
                                QueryUpdateEmitter emitter, Class<Q> findQuery, Function<Q, UUID> idAsked) {
        this.rows = rows;
        this.view = view;
        this.order = order;
        this.emitter = emitter;
        this.findQuery = findQuery;
        this.idAsked = idAsked;
    }

    protected void add(R row) {
        UUID id = row.getId();
        if (!rows.existsById(id)) {
            rows.save(row);
        }
        emitter.emit(findQuery, query -> idAsked.apply(query).equals(id), view.apply(row));
    }

    protected Optional<V> find(UUID id) {
        return rows.findById(id).map(view);
    }

    protected Page<V> page(PageRequest page) {
        return Pages.read(page, order, rows::findAll, view);
    }

    @ResetHandler
    void reset() {
        rows.deleteAllInBatch();
    }
}
