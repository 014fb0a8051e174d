package io.strongroom.s3;

import io.strongroom.core.AwsException;
import java.util.Arrays;

/**
 * Which small objects a lifecycle configuration keeps from transitions by default (S3's
 * TransitionDefaultMinimumObjectSize). A rule whose filter names an object size of its own is not
 * held to it: the filter alone decides.
 */
public enum TransitionMinimumSize {
    /** No object smaller than 128 KiB transitions to any class: S3's default since September 2024. */
    ALL_STORAGE_CLASSES_128K("all_storage_classes_128K"),
    /** Objects smaller than 128 KiB still go to GLACIER and DEEP_ARCHIVE, to no other class. */
    VARIES_BY_STORAGE_CLASS("varies_by_storage_class");

    /** The size below which an object is small: 128 KiB. */
    public static final long SMALL_OBJECT_BYTES = 128 * 1024;

    private final String awsName;

    TransitionMinimumSize(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }

    /** The setting S3 names this way; InvalidRequest for any other name. */
    public static TransitionMinimumSize of(String awsName) {
        return Arrays.stream(values()).filter(size -> size.awsName.equals(awsName)).findFirst()
                .orElseThrow(() -> new AwsException("InvalidRequest", 400,
                        "Invalid TransitionDefaultMinimumObjectSize found: " + awsName));
    }

    /** Whether a version of this size may move to {@code storageClass} under {@code rule} by this setting. */
    boolean allows(LifecycleRule rule, ObjectVersion version, String storageClass) {
        if (rule.filter().sizeGreaterThan().isPresent() || rule.filter().sizeLessThan().isPresent()
                || version.size() >= SMALL_OBJECT_BYTES) {
            return true;
        }
        return this == VARIES_BY_STORAGE_CLASS && StorageClasses.archived(storageClass);
    }
}
