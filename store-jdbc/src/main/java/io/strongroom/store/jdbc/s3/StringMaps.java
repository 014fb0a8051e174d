package io.strongroom.store.jdbc.s3;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A map of strings as the text of one column: a JSON object of strings with its keys sorted, so the
 * same map always gives the same text, and JSON's quoting and escaping keep every character of every
 * key and value (newlines, quotes, '=', ',', NUL, any Unicode) exactly as written.
 */
final class StringMaps {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StringMaps() {
    }

    static String encode(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(map));
        } catch (JsonProcessingException e) {
            // a map of strings always serialises
            throw new IllegalStateException("cannot encode a map of strings", e);
        }
    }

    /**
     * Reads what {@link #encode} wrote. Anything else (not an object, a value that is not a string, a
     * key twice, trailing text) is a corrupt row.
     */
    static Map<String, String> decode(String text) throws SQLException {
        if (text == null) {
            throw new SQLException("a stored map is NULL");
        }
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new SQLException("a stored map is not a JSON object");
            }
            Map<String, String> map = new HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                if (parser.nextToken() != JsonToken.VALUE_STRING) {
                    throw new SQLException("a stored map holds a value that is not a string");
                }
                if (map.put(key, parser.getText()) != null) {
                    throw new SQLException("a stored map holds a key twice");
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new SQLException("a stored map is malformed JSON");
            }
            return map;
        } catch (IOException e) {
            throw new SQLException("a stored map is malformed JSON", e);
        }
    }
}
