package io.strongroom.iam.simulation;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A condition key and the values the simulation supplies for it, as the request gave them. Every member
 * is optional in IAM's model; the simulator refuses an entry that lacks one.
 *
 * @param keyName {@code aws:SourceIp}, {@code s3:prefix}…
 * @param values  the value, or the values of a list type
 * @param keyType {@code string}, {@code stringList}, {@code numeric}, {@code numericList}, {@code boolean},
 *                {@code booleanList}, {@code ip}, {@code ipList}, {@code binary}, {@code binaryList},
 *                {@code date} or {@code dateList}
 */
public record ContextEntry(Optional<String> keyName, List<String> values, Optional<String> keyType) {
    public ContextEntry {
        requireNonNull(keyName, "keyName");
        values = List.copyOf(values);
        requireNonNull(keyType, "keyType");
    }

    public static ContextEntry of(String keyName, String keyType, String... values) {
        return new ContextEntry(Optional.of(keyName), List.of(values), Optional.of(keyType));
    }
}
