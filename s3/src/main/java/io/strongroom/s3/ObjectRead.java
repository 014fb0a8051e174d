package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.Function;

/**
 * A version the caller was authorised to read (GetObject, HeadObject), found once: its metadata for
 * preconditions and headers, then, for a GET, its body through {@link #open}. Only the service makes
 * one, after the access check, so holding one is the permission to open exactly this version.
 */
public final class ObjectRead {
    private final ObjectVersion version;
    private final Bucket bucket;
    private final Function<Optional<ByteRange>, ObjectContent> opener;

    ObjectRead(ObjectVersion version, Bucket bucket, Function<Optional<ByteRange>, ObjectContent> opener) {
        this.version = requireNonNull(version, "version");
        this.bucket = requireNonNull(bucket, "bucket");
        this.opener = requireNonNull(opener, "opener");
    }

    public ObjectVersion version() {
        return version;
    }

    /** The bucket as it was when the version was found: its versioning and object lock shape the answer. */
    public Bucket bucket() {
        return bucket;
    }

    /** The plaintext of {@code range} (or all) of this very version, decrypted as it is read; the caller closes it. */
    public ObjectContent open(Optional<ByteRange> range) {
        return opener.apply(requireNonNull(range, "range"));
    }
}
