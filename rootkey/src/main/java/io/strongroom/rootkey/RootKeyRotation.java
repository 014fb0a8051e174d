package io.strongroom.rootkey;

import io.strongroom.core.spi.RootKeyException;
import io.strongroom.core.spi.RootKeyProvider;
import io.strongroom.core.spi.WrappedSecretSource;
import io.strongroom.core.spi.WrappedSecretSource.WrappedSecret;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Rotates the root key with no downtime for readers: a new version becomes current, every secret
 * is re-wrapped under it with compare-and-set, and only when no source holds anything under an
 * older version are those versions retired. Until that last step old blobs keep unwrapping.
 */
public final class RootKeyRotation {

    static final int MAX_ATTEMPTS_PER_SECRET = 5;

    private final RootKeyProvider provider;
    private final List<WrappedSecretSource> sources;

    public RootKeyRotation(RootKeyProvider provider, List<WrappedSecretSource> sources) {
        this.provider = requireNonNull(provider, "provider");
        this.sources = List.copyOf(requireNonNull(sources, "sources"));
    }

    /** What a rotation did. Old versions are retired only when {@code failures} is empty. */
    public record Report(String previousVersion, String currentVersion, int rewrapped, int alreadyCurrent,
                         int conflicts, int vanished, List<String> failures, List<String> retiredVersions) {
        public Report {
            failures = List.copyOf(failures);
            retiredVersions = List.copyOf(retiredVersions);
        }

        public boolean complete() {
            return failures.isEmpty();
        }
    }

    public Report rotate() {
        String previous = provider.currentVersion();
        String current = provider.rotate();
        Counts counts = new Counts();
        Set<String> oldVersions = new LinkedHashSet<>();
        oldVersions.add(previous);
        for (WrappedSecretSource source : sources) {
            for (WrappedSecret secret : source.list()) {
                rewrap(source, secret, current, counts, oldVersions);
            }
        }
        List<String> retired = new ArrayList<>();
        if (counts.failures.isEmpty()) {
            List<String> leftovers = secretsNotUnder(current);
            if (leftovers.isEmpty()) {
                oldVersions.remove(current);
                for (String version : oldVersions) {
                    provider.retire(version);
                    retired.add(version);
                }
            } else {
                // A writer used an old version after our pass: keep the versions, report it.
                counts.failures.addAll(leftovers);
            }
        }
        return new Report(previous, current, counts.rewrapped, counts.alreadyCurrent, counts.conflicts,
                counts.vanished, counts.failures, retired);
    }

    private void rewrap(WrappedSecretSource source, WrappedSecret first, String current, Counts counts,
                        Set<String> oldVersions) {
        WrappedSecret secret = first;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS_PER_SECRET; attempt++) {
            String version;
            byte[] plaintext;
            try {
                version = provider.versionOf(secret.wrapped());
                if (version.equals(current)) {
                    counts.alreadyCurrent++;
                    return;
                }
                plaintext = provider.unwrap(secret.wrapped(), secret.associatedData());
            } catch (RootKeyException e) {
                counts.failures.add(source.name() + "/" + secret.id() + ": " + e.getMessage());
                return;
            }
            oldVersions.add(version);
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

    private List<String> secretsNotUnder(String current) {
        List<String> leftovers = new ArrayList<>();
        for (WrappedSecretSource source : sources) {
            for (WrappedSecret secret : source.list()) {
                if (!current.equals(provider.versionOf(secret.wrapped()))) {
                    leftovers.add(source.name() + "/" + secret.id() + ": still under an old root-key version");
                }
            }
        }
        return leftovers;
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
