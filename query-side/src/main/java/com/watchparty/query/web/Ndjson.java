package com.watchparty.query.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.watchparty.query.JdbcStreams;
import com.watchparty.query.JsonRows;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Answers with newline-delimited JSON written as the rows arrive: one object per row, one row per line. */
@Component
public class Ndjson {

    public static final String MEDIA_TYPE = "application/x-ndjson";
    // large writes to the socket rather than one per generator buffer of 8 kB
    private static final int BUFFER_BYTES = 64 * 1024;

    private final JsonFactory json;
    private final JdbcStreams streams;

    Ndjson(ObjectMapper mapper, JdbcStreams streams) {
        this.json = mapper.getFactory();
        this.streams = streams;
    }

    /** Every row of the query as one line, in the order the query reads them. */
    public ResponseEntity<StreamingResponseBody> of(JsonRows rows) {
        StreamingResponseBody body = out -> {
            try (JsonGenerator lines = json.createGenerator(new BufferedOutputStream(out, BUFFER_BYTES))) {
                lines.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                lines.setRootValueSeparator(null); // each line ends with a newline instead
                streams.stream(rows.sql(), rows.parameters(), row -> {
                    try {
                        rows.writer().write(row, lines);
                        lines.writeRaw('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(MEDIA_TYPE)).body(body);
    }
}
