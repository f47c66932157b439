package com.watchparty.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Map;

/** Writes and reads the {@code jsonb} columns of the projections: plain maps of simple values. */
@Component
public class JsonColumns {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper json;
    // the map type resolved once, not for every row read
    private final ObjectReader maps;

    JsonColumns(ObjectMapper json) {
        this.json = json;
        this.maps = json.readerFor(MAP);
    }

    public String write(Map<String, Object> content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of simple values is always serializable", e);
        }
    }

    /** Writes a column's stored JSON text as a field's value as it is: no map in between. */
    public static void writeField(JsonGenerator json, String name, String content) throws IOException {
        json.writeFieldName(name);
        json.writeRawValue(content);
    }

    public Map<String, Object> read(String content) {
        try {
            return maps.readValue(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("jsonb columns are written by JsonColumns", e);
        }
    }
}
