package com.watchparty.query.web;

import com.watchparty.api.Page;
import com.watchparty.api.PageRequest;
import com.watchparty.api.error.ErrorCode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.UUID;
import java.util.function.Function;

/**
 * The two routes of a list that anyone may read, such as the movies or the ticket types: {@code GET /} with paging
 * and {@code GET /{id}} (404 {@code not_found} when there is none). A subclass names the path and the queries.
 *
 * @param <V> the view of one item
 */
public abstract class CatalogController<V> {

    private final Queries queries;
    private final Class<V> viewType;
    private final Function<PageRequest, Object> listQuery;
    private final Function<UUID, Object> findQuery;
    private final String what;

    /** @param what what an item is, for the 404's message, e.g. {@code "movie"} */
    protected CatalogController(Queries queries, Class<V> viewType, Function<PageRequest, Object> listQuery,
                                Function<UUID, Object> findQuery, String what) {
        this.queries = queries;
        this.viewType = viewType;
        this.listQuery = listQuery;
        this.findQuery = findQuery;
        this.what = what;
    }

    @GetMapping
    Page<V> list(@RequestParam(defaultValue = "0") int page,
                 @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size) {
        return queries.page(listQuery.apply(new PageRequest(page, size)), viewType);
    }

    @GetMapping("/{id}")
    V get(@PathVariable UUID id) {
        return queries.one(findQuery.apply(id), viewType, ErrorCode.NOT_FOUND, what + " " + id);
    }
}
