package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import java.util.Optional;

/**
 * The conditions of a conditional write (PutObject, CopyObject, CompleteMultipartUpload): If-None-Match
 * {@code *} (only if the key has no current object) and If-Match (only if the current object has this
 * entity tag). They are checked when the request arrives, so that a doomed body is never stored, and
 * again, under the key's lock, in the transaction that commits the new version.
 *
 * @param ifMatch     the entity tag as sent, quoted or not
 * @param ifNoneMatch as sent; S3 takes {@code *} only
 */
public record WriteConditions(Optional<String> ifMatch, Optional<String> ifNoneMatch) {
    public static final WriteConditions NONE = new WriteConditions(Optional.empty(), Optional.empty());

    public WriteConditions {
        requireNonNull(ifMatch, "ifMatch");
        requireNonNull(ifNoneMatch, "ifNoneMatch");
        if (ifNoneMatch.isPresent() && !ifNoneMatch.get().strip().equals("*")) {
            throw new AwsException("NotImplemented", 501,
                    "A header you provided implies functionality that is not implemented");
        }
    }

    public boolean isEmpty() {
        return ifMatch.isEmpty() && ifNoneMatch.isEmpty();
    }

    /**
     * Throws unless the conditions hold against the key's current version (a delete marker is no
     * object): 412 when they do not, 404 NoSuchKey for If-Match on a key without an object.
     *
     * @param heldBefore whether this is the check at commit of conditions that held on arrival: an
     *                   object that was there for If-Match and has gone since is a conflict (409), as S3
     *                   reports a concurrent delete
     */
    void check(Optional<ObjectVersion> latest, boolean heldBefore) {
        Optional<ObjectVersion> current = latest.filter(v -> !v.deleteMarker());
        if (ifNoneMatch.isPresent() && current.isPresent()) {
            throw preconditionFailed();
        }
        if (ifMatch.isPresent()) {
            if (current.isEmpty()) {
                throw heldBefore ? conflict() : S3Errors.noSuchKey();
            }
            if (!etagMatches(ifMatch.get(), current.get().etag())) {
                throw preconditionFailed();
            }
        }
    }

    private static boolean etagMatches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String value = candidate.strip();
            if (value.startsWith("W/")) {
                continue; // a weak tag never matches for If-Match (RFC 9110 strong comparison)
            }
            if (value.equals("*") || value.equals(etag) || value.equals("\"" + etag + "\"")) {
                return true;
            }
        }
        return false;
    }

    static AwsException preconditionFailed() {
        return new AwsException("PreconditionFailed", 412, "At least one of the pre-conditions you specified did not hold");
    }

    static AwsException conflict() {
        return new AwsException("ConditionalRequestConflict", 409,
                "The conditional request cannot succeed due to a conflicting operation against this resource.");
    }
}
