package io.strongroom.server.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads one parameter from {@code application/x-www-form-urlencoded} text (a query string or a form body). */
final class FormParameters {

    private FormParameters() {
    }

    /** The first value of {@code name}, decoded; empty when absent or undecodable. */
    static Optional<String> first(String encoded, String name) {
        if (encoded == null || encoded.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (decode(key).filter(name::equals).isPresent()) {
                return equals < 0 ? Optional.of("") : decode(pair.substring(equals + 1));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> decode(String text) {
        try {
            return Optional.of(URLDecoder.decode(text, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
