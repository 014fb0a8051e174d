package io.strongroom.rootkey;

import io.strongroom.core.spi.RootKeyProvider;

import java.util.Set;

/** A {@link RootKeyProvider} that can say which versions it holds, so that unused ones can be retired. */
public interface VersionedRootKeyProvider extends RootKeyProvider {

    /**
     * Every root-key version held now, the current one included, as stored (re-read, so that versions
     * another process created or retired are seen).
     */
    Set<String> versions();
}
