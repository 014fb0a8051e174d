package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A bucket's lifecycle configuration: its rules and the default minimum size of a transitioned object. */
public record LifecycleConfiguration(List<LifecycleRule> rules, TransitionMinimumSize minimumSize) {
    public LifecycleConfiguration {
        rules = List.copyOf(rules);
        requireNonNull(minimumSize, "minimumSize");
    }
}
