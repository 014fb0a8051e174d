package io.strongroom.audit;

import static java.util.Objects.requireNonNull;

/**
 * A resource a record names, as LookupEvents matches and returns it ({@code ResourceType},
 * {@code ResourceName}), for example {@code AWS::IAM::User} and {@code alice}.
 */
public record IndexedResource(String type, String name) {
    public IndexedResource {
        requireNonNull(type, "type");
        requireNonNull(name, "name");
    }
}
