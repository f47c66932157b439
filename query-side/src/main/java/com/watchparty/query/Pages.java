package com.watchparty.query;

import com.watchparty.api.Page;
import com.watchparty.api.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;

/** Reads one page of a projection and counts the whole, with the same filter. */
public final class Pages {

    private Pages() {
    }

    /**
     * @param from everything after {@code select ... } up to but without ordering, e.g.
     *             {@code "from movie_view where x = ?"}
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
