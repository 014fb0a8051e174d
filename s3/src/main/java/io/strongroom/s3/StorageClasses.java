package io.strongroom.s3;

import io.strongroom.core.AwsException;
import java.util.List;
import java.util.Optional;

/**
 * S3's storage classes as this server keeps them. GLACIER and DEEP_ARCHIVE are archives: their bodies
 * live in the archive blob store and are not readable until restored. The others AWS offers for a
 * general purpose bucket are kept in the normal store, only labelled.
 */
public final class StorageClasses {
    public static final String STANDARD = "STANDARD";
    public static final String GLACIER = "GLACIER";
    public static final String DEEP_ARCHIVE = "DEEP_ARCHIVE";

    /** The lifecycle waterfall: an object only ever moves to a class later in this list. */
    private static final List<String> WATERFALL = List.of(STANDARD, "REDUCED_REDUNDANCY", "STANDARD_IA",
            "INTELLIGENT_TIERING", "ONEZONE_IA", "GLACIER_IR", GLACIER, DEEP_ARCHIVE);

    /** The classes a lifecycle Transition may name (TransitionStorageClass). */
    static final List<String> TRANSITION_TARGETS = List.of("GLACIER", "STANDARD_IA", "ONEZONE_IA",
            "INTELLIGENT_TIERING", "DEEP_ARCHIVE", "GLACIER_IR");

    private StorageClasses() {
    }

    /** Whether a version of this class has its body in the archive store. */
    public static boolean archived(String storageClass) {
        return GLACIER.equals(storageClass) || DEEP_ARCHIVE.equals(storageClass);
    }

    /** The x-amz-storage-class of a write, checked; STANDARD when none was sent. */
    public static String ofWrite(Optional<String> header) {
        if (header.isEmpty()) {
            return STANDARD;
        }
        if (!WATERFALL.contains(header.get())) {
            throw new AwsException("InvalidStorageClass", 400, "The storage class you specified is not valid");
        }
        return header.get();
    }

    /** Whether a transition from {@code current} to {@code target} goes down the waterfall. */
    static boolean deeper(String target, String current) {
        return WATERFALL.indexOf(target) > WATERFALL.indexOf(current);
    }

    static int rank(String storageClass) {
        return WATERFALL.indexOf(storageClass);
    }
}
