package com.watchparty.query;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A query whose rows are written one by one as JSON objects, straight from the result set to the output: a long
 * export costs neither a record nor a map per row.
 *
 * @param writer writes the current row as one JSON object
 */
public record JsonRows(String sql, List<?> parameters, Writer writer) {

    @FunctionalInterface
    public interface Writer {
        void write(ResultSet row, JsonGenerator json) throws SQLException, IOException;
    }
}
