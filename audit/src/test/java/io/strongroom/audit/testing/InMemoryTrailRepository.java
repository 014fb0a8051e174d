package io.strongroom.audit.testing;

import io.strongroom.audit.trails.TrailRepository;
import io.strongroom.audit.trails.TrailSettings;
import io.strongroom.audit.trails.TrailVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@link TrailRepository} contract in memory, for tests. {@link InMemoryTrailTransactor} rolls it
 * back to a {@link #snapshot()} when a transaction's work throws.
 */
public final class InMemoryTrailRepository implements TrailRepository {

    /** All state; versions and settings are immutable, so shallow copies make a snapshot. */
    private static final class State {
        TreeMap<String, List<TrailVersion>> versionsByArn = new TreeMap<>();
        TrailSettings settings;

        State copy() {
            State copy = new State();
            versionsByArn.forEach((arn, versions) -> copy.versionsByArn.put(arn, new ArrayList<>(versions)));
            copy.settings = settings;
            return copy;
        }
    }

    private State state = new State();

    public synchronized Object snapshot() {
        return state.copy();
    }

    public synchronized void restore(Object snapshot) {
        state = ((State) snapshot).copy();
    }

    @Override
    public synchronized Optional<TrailVersion> latest(String trailArn) {
        List<TrailVersion> versions = state.versionsByArn.get(trailArn);
        return versions == null ? Optional.empty() : Optional.of(versions.getLast());
    }

    @Override
    public synchronized List<TrailVersion> current() {
        return state.versionsByArn.values().stream()
                .map(List::getLast)
                .filter(version -> !version.deleted())
                .toList();
    }

    @Override
    public synchronized boolean append(TrailVersion version) {
        List<TrailVersion> versions = state.versionsByArn.get(version.trail().arn());
        long expected = versions == null ? 1 : versions.getLast().version() + 1;
        if (version.version() != expected) {
            return false;
        }
        state.versionsByArn.computeIfAbsent(version.trail().arn(), arn -> new ArrayList<>()).add(version);
        return true;
    }

    @Override
    public synchronized List<TrailVersion> history(Instant since) {
        List<TrailVersion> history = new ArrayList<>();
        for (Map.Entry<String, List<TrailVersion>> entry : state.versionsByArn.entrySet()) {
            TrailVersion inEffect = null;
            List<TrailVersion> later = new ArrayList<>();
            for (TrailVersion version : entry.getValue()) {
                if (!version.effectiveFrom().isAfter(since)) {
                    inEffect = version;
                } else {
                    later.add(version);
                }
            }
            if (inEffect != null) {
                history.add(inEffect);
            }
            history.addAll(later);
        }
        return history;
    }

    @Override
    public synchronized Optional<TrailSettings> settings() {
        return Optional.ofNullable(state.settings);
    }

    @Override
    public synchronized boolean initialise(TrailSettings settings) {
        if (state.settings != null) {
            return false;
        }
        state.settings = settings;
        return true;
    }
}
