package io.strongroom.rootkey;

import io.strongroom.core.spi.RootKeyException;
import io.strongroom.core.spi.WrappedSecretSource;
import io.strongroom.core.spi.WrappedSecretSource.WrappedSecret;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Rotates the root key with no downtime, in two separate steps. {@link #rotate()} makes a new version
 * current and re-wraps every secret under it with compare-and-set; old versions stay, because running
 * servers may still hold (or, until they notice the rotation, even write) blobs under them.
 * {@link #retireUnused()}, run later, re-lists every source and retires the old versions only when
 * nothing refers to them any longer.
 */
public final class RootKeyRotation {

    static final int MAX_ATTEMPTS_PER_SECRET = 5;

    private final VersionedRootKeyProvider provider;
    private final List<WrappedSecretSource> sources;

    public RootKeyRotation(VersionedRootKeyProvider provider, List<WrappedSecretSource> sources) {
        this.provider = requireNonNull(provider, "provider");
        this.sources = List.copyOf(requireNonNull(sources, "sources"));
    }

    /** What a rotation did; it never retires anything. {@code failures} name secrets left as they were. */
    public record Report(String previousVersion, String currentVersion, int rewrapped, int alreadyCurrent,
                         int conflicts, int vanished, List<String> failures) {
        public Report {
            failures = List.copyOf(failures);
        }

        public boolean complete() {
            return failures.isEmpty();
        }
    }

    /**
     * What a retirement did: either it retired every old version, or, when {@code stillInUse} names
     * anything (a secret under an old version, or one whose version cannot be read), nothing at all.
     */
    public record Retirement(String currentVersion, List<String> retiredVersions, List<String> stillInUse) {
        public Retirement {
            retiredVersions = List.copyOf(retiredVersions);
            stillInUse = List.copyOf(stillInUse);
        }

        public boolean complete() {
            return stillInUse.isEmpty();
        }
    }

    /** Creates a new version and re-wraps every secret under it. Safe while servers run. */
    public Report rotate() {
        String previous = provider.currentVersion();
        String current = provider.rotate();
        Counts counts = new Counts();
        for (WrappedSecretSource source : sources) {
            for (WrappedSecret secret : source.list()) {
                rewrap(source, secret, current, counts);
            }
        }
        return new Report(previous, current, counts.rewrapped, counts.alreadyCurrent, counts.conflicts,
                counts.vanished, counts.failures);
    }

    /**
     * Retires every version other than the current one, but only if no secret in any source refers to
     * one of them; otherwise retires nothing and names what is still in use.
     */
    public Retirement retireUnused() {
        String current = provider.currentVersion();
        Set<String> old = new TreeSet<>(provider.versions());
        old.remove(current);
        List<String> stillInUse = new ArrayList<>();
        for (WrappedSecretSource source : sources) {
            for (WrappedSecret secret : source.list()) {
                String where = source.name() + "/" + secret.id();
                try {
                    String version = provider.versionOf(secret.wrapped());
                    if (old.contains(version)) {
                        stillInUse.add(where + " is still under " + version);
                    } else if (!version.equals(current)) {
                        stillInUse.add(where + " is under " + version + ", which this root key does not hold");
                    }
                } catch (RootKeyException e) {
                    // Its version cannot be read, so it may well be one of the old ones: keep them all.
                    stillInUse.add(where + ": " + e.getMessage());
                }
            }
        }
        if (!stillInUse.isEmpty()) {
            return new Retirement(current, List.of(), stillInUse);
        }
        for (String version : old) {
            provider.retire(version);
        }
        return new Retirement(current, List.copyOf(old), List.of());
    }

    private void rewrap(WrappedSecretSource source, WrappedSecret first, String current, Counts counts) {
        WrappedSecret secret = first;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS_PER_SECRET; attempt++) {
            byte[] plaintext;
            try {
                if (provider.versionOf(secret.wrapped()).equals(current)) {
                    counts.alreadyCurrent++;
                    return;
                }
                plaintext = provider.unwrap(secret.wrapped(), secret.associatedData());
            } catch (RootKeyException e) {
                counts.failures.add(source.name() + "/" + secret.id() + ": " + e.getMessage());
                return;
            }
            byte[] rewrapped;
            try {
                rewrapped = provider.wrap(plaintext, secret.associatedData());
            } finally {
                Arrays.fill(plaintext, (byte) 0);
            }
            if (source.replace(secret, rewrapped)) {
                counts.rewrapped++;
                return;
            }
            counts.conflicts++;
            Optional<WrappedSecret> reread = find(source, secret.id());
            if (reread.isEmpty()) {
                counts.vanished++;
                return;
            }
            secret = reread.get();
        }
        counts.failures.add(source.name() + "/" + first.id() + ": still changing after "
                + MAX_ATTEMPTS_PER_SECRET + " attempts");
    }

    private static Optional<WrappedSecret> find(WrappedSecretSource source, String id) {
        return source.list().stream().filter(secret -> secret.id().equals(id)).findFirst();
    }

    private static final class Counts {
        int rewrapped;
        int alreadyCurrent;
        int conflicts;
        int vanished;
        final List<String> failures = new ArrayList<>();
    }
}
