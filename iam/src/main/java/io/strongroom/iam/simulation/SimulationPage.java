package io.strongroom.iam.simulation;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One page of a simulation's results, one per action; {@code marker} continues it. A page may hold fewer
 * results than MaxItems asked for when each action has many resources, as IAM documents it may.
 */
public record SimulationPage(List<EvaluationResult> results, Optional<String> marker) {
    public SimulationPage {
        results = List.copyOf(results);
        requireNonNull(marker, "marker");
    }

    public boolean truncated() {
        return marker.isPresent();
    }
}
