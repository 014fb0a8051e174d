package io.strongroom.protocol.json.fake;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fake service's resource: one of every member type the JSON protocol carries. */
record Widget(String name, Color color, Optional<String> shape, Optional<Integer> size, List<String> labels,
              Map<String, String> attributes, List<Tag> tags, Optional<byte[]> secret, Optional<Instant> expiresAt,
              boolean isPublic, Instant createdAt) {

    enum Color { RED, GREEN, BLUE }

    record Tag(String key, String value) {
    }
}
