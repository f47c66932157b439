package com.watchparty.query;

import com.watchparty.api.Page;
import com.watchparty.api.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads one page of a projection and counts the whole, with the same filter. */
public final class Pages {

    private Pages() {
    }

    /**
     * A page read through a Spring Data repository, its rows turned into views. Spring Data counts the whole only
     * when the page does not tell it (a full page, or an empty one after the first).
     *
     * @param rows reads the rows of a page, e.g. {@code repository::findAll}
     */
    public static <R, V> Page<V> read(PageRequest page, Sort order,
                                      Function<Pageable, org.springframework.data.domain.Page<R>> rows,
                                      Function<R, V> view) {
        if (page.offset() > Integer.MAX_VALUE - page.size()) {
            // past what JPA can skip (an int), so past any table of ours: no rows, and the count of all
            long total = rows.apply(org.springframework.data.domain.PageRequest.of(0, 1, order)).getTotalElements();
            return new Page<>(List.of(), page.page(), page.size(), total);
        }
        var read = rows.apply(org.springframework.data.domain.PageRequest.of(page.page(), page.size(), order));
        return new Page<>(read.getContent().stream().map(view).toList(), page.page(), page.size(),
                read.getTotalElements());
    }

    /**
     * @param from everything after {@code select ... } up to but without ordering, e.g.
     *             {@code "from party_log l where l.party_id = ?"}
     */
    public static <T> Page<T> read(JdbcClient jdbc, String columns, String from, String orderBy, List<?> params,
                                   RowMapper<T> rows, PageRequest page) {
        List<T> items = items(jdbc, columns, from, orderBy, params, rows, page);
        long total = items.size() < page.size() && (page.page() == 0 || !items.isEmpty())
                ? page.offset() + items.size()
                : jdbc.sql("select count(*) " + from).params(params).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** One page of a whole whose size the caller knows already, e.g. from its first page: no count. */
    public static <T> Page<T> read(JdbcClient jdbc, String columns, String from, String orderBy, List<?> params,
                                   RowMapper<T> rows, PageRequest page, long total) {
        return new Page<>(items(jdbc, columns, from, orderBy, params, rows, page), page.page(), page.size(), total);
    }

    private static <T> List<T> items(JdbcClient jdbc, String columns, String from, String orderBy, List<?> params,
                                     RowMapper<T> rows, PageRequest page) {
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        return jdbc.sql("select " + columns + " " + from + " order by " + orderBy + " limit ? offset ?")
                .params(pageParams).query(rows).list();
    }
}
