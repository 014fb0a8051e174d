package io.strongroom.audit.trails;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the CloudTrail service sets up once per store, on its first start: the organization it was set
 * up for (the default trail was created then; deleting it later is not undone at the next start) and
 * the key that authenticates LookupEvents page tokens, shared by every node.
 *
 * @param organizationId the organization whose default trail was created
 * @param lookupTokenKey 32 random bytes, the HMAC-SHA256 key of NextToken values
 * @param created        when the service was set up
 */
public record TrailSettings(String organizationId, byte[] lookupTokenKey, Instant created) {
    public TrailSettings {
        requireNonNull(organizationId, "organizationId");
        lookupTokenKey = requireNonNull(lookupTokenKey, "lookupTokenKey").clone();
        if (lookupTokenKey.length < 32) {
            throw new IllegalArgumentException("the lookup token key has at least 32 bytes");
        }
        requireNonNull(created, "created");
    }

    @Override
    public byte[] lookupTokenKey() {
        return lookupTokenKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrailSettings that
                && organizationId.equals(that.organizationId)
                && Arrays.equals(lookupTokenKey, that.lookupTokenKey)
                && created.equals(that.created);
    }

    @Override
    public int hashCode() {
        return Objects.hash(organizationId, created);
    }

    @Override
    public String toString() {
        // the key stays out of logs
        return "TrailSettings[" + organizationId + ", created " + created + "]";
    }
}
