package com.watchparty.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.List;

/**
 * Reads a query's rows one batch at a time and hands them over as they come, so a 100,000-row timeline costs the
 * memory of one batch. PostgreSQL streams by fetch size only inside a transaction; otherwise it reads every row.
 */
@Component
public class JdbcStreams {

    static final int FETCH_SIZE = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    JdbcStreams(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public void stream(String sql, List<?> parameters, RowCallbackHandler rows) {
        readOnly.executeWithoutResult(status -> jdbc.query(sql, rows, parameters.toArray()));
    }
}
