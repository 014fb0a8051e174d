package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A bucket: its globally unique name, the account that owns it and the region it lives in.
 *
 * @param objectLockEnabled whether Object Lock is enabled (at creation, or later on a versioned bucket); it
 *                          can never be turned off
 */
public record Bucket(String name, String accountId, String region, Instant created, Versioning versioning,
                     boolean objectLockEnabled) {

    public Bucket {
        requireNonNull(name, "name");
        requireNonNull(accountId, "accountId");
        requireNonNull(region, "region");
        requireNonNull(created, "created");
        requireNonNull(versioning, "versioning");
    }

    public String arn() {
        return "arn:aws:s3:::" + name;
    }

    public Bucket withVersioning(Versioning state) {
        return new Bucket(name, accountId, region, created, state, objectLockEnabled);
    }

    public Bucket withObjectLockEnabled() {
        return new Bucket(name, accountId, region, created, versioning, true);
    }

    /** A bucket's versioning state; once enabled it can be suspended but never return to unversioned. */
    public enum Versioning {
        UNVERSIONED, ENABLED, SUSPENDED
    }
}
