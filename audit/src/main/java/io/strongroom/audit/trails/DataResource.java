package io.strongroom.audit.trails;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.IndexedResource;
import java.util.List;

/**
 * The data events an event selector takes: those on resources of {@code type} (for example
 * {@code AWS::S3::Object}) whose ARN starts with one of {@code values} ({@code arn:aws:s3} for every
 * object, {@code arn:aws:s3:::reports/} for one bucket's).
 */
public record DataResource(String type, List<String> values) {
    public DataResource {
        requireNonNull(type, "type");
        values = List.copyOf(values);
    }

    boolean covers(IndexedResource resource) {
        return resource.type().equals(type) && values.stream().anyMatch(resource.name()::startsWith);
    }
}
