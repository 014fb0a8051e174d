package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One rule of a bucket's lifecycle configuration: which objects it applies to and what happens to
 * them when. Only what this server carries out is modelled; a rule naming anything else is refused
 * when the configuration is put.
 *
 * @param id                       the rule's id, unique in the configuration (S3 makes one up when absent)
 * @param enabled                  Status Enabled (true) or Disabled
 * @param expirationDays           current versions expire this many days after creation
 * @param expirationDate           current versions expire from this midnight (UTC) on
 * @param expiredObjectDeleteMarker a delete marker with no versions behind it is removed
 * @param noncurrentDays           noncurrent versions are deleted this many days after they became noncurrent
 * @param transitions              current versions move to another storage class after days or from a date
 * @param noncurrentTransitions    noncurrent versions move to another storage class
 * @param abortUploadDays          multipart uploads still incomplete this many days after initiation are aborted
 * @param newerNoncurrentVersions  the noncurrentDays deletion spares this many newest noncurrent versions of a key
 */
public record LifecycleRule(String id, boolean enabled, Filter filter, Optional<Integer> expirationDays,
                            Optional<Instant> expirationDate, boolean expiredObjectDeleteMarker,
                            Optional<Integer> noncurrentDays, List<Transition> transitions,
                            List<NoncurrentTransition> noncurrentTransitions, Optional<Integer> abortUploadDays,
                            Optional<Integer> newerNoncurrentVersions) {

    public LifecycleRule {
        requireNonNull(id, "id");
        requireNonNull(filter, "filter");
        requireNonNull(expirationDays, "expirationDays");
        requireNonNull(expirationDate, "expirationDate");
        requireNonNull(noncurrentDays, "noncurrentDays");
        transitions = List.copyOf(transitions);
        noncurrentTransitions = List.copyOf(noncurrentTransitions);
        requireNonNull(abortUploadDays, "abortUploadDays");
        requireNonNull(newerNoncurrentVersions, "newerNoncurrentVersions");
    }

    /** A rule whose NoncurrentVersionExpiration keeps no number of newer versions. */
    public LifecycleRule(String id, boolean enabled, Filter filter, Optional<Integer> expirationDays,
                         Optional<Instant> expirationDate, boolean expiredObjectDeleteMarker,
                         Optional<Integer> noncurrentDays, List<Transition> transitions,
                         List<NoncurrentTransition> noncurrentTransitions, Optional<Integer> abortUploadDays) {
        this(id, enabled, filter, expirationDays, expirationDate, expiredObjectDeleteMarker, noncurrentDays, transitions,
                noncurrentTransitions, abortUploadDays, Optional.empty());
    }

    /** A rule that only expires. */
    public LifecycleRule(String id, boolean enabled, Filter filter, Optional<Integer> expirationDays,
                         Optional<Instant> expirationDate, boolean expiredObjectDeleteMarker,
                         Optional<Integer> noncurrentDays) {
        this(id, enabled, filter, expirationDays, expirationDate, expiredObjectDeleteMarker, noncurrentDays, List.of(),
                List.of(), Optional.empty());
    }

    /** A Transition: a current version moves to {@code storageClass} after {@code days} or from {@code date}. */
    public record Transition(Optional<Integer> days, Optional<Instant> date, String storageClass) {
        public Transition {
            requireNonNull(days, "days");
            requireNonNull(date, "date");
            requireNonNull(storageClass, "storageClass");
        }
    }

    /**
     * A NoncurrentVersionTransition: a noncurrent version moves to {@code storageClass}
     * {@code noncurrentDays} after it became noncurrent, unless it is among the
     * {@code newerNoncurrentVersions} newest noncurrent versions of its key.
     */
    public record NoncurrentTransition(Optional<Integer> noncurrentDays, Optional<Integer> newerNoncurrentVersions,
                                       String storageClass) {
        public NoncurrentTransition {
            requireNonNull(noncurrentDays, "noncurrentDays");
            requireNonNull(newerNoncurrentVersions, "newerNoncurrentVersions");
            requireNonNull(storageClass, "storageClass");
        }
    }

    /**
     * The objects a rule applies to: all of these must hold.
     *
     * @param prefix          keys starting with it (empty: every key)
     * @param tags            tags the object must carry, each with this value
     * @param sizeGreaterThan objects larger than this many bytes
     * @param sizeLessThan    objects smaller than this many bytes
     */
    public record Filter(String prefix, Map<String, String> tags, Optional<Long> sizeGreaterThan,
                         Optional<Long> sizeLessThan) {
        public static final Filter EVERYTHING = new Filter("", Map.of(), Optional.empty(), Optional.empty());

        public Filter {
            requireNonNull(prefix, "prefix");
            tags = Map.copyOf(tags);
            requireNonNull(sizeGreaterThan, "sizeGreaterThan");
            requireNonNull(sizeLessThan, "sizeLessThan");
        }

        boolean matches(ObjectVersion version) {
            return version.key().startsWith(prefix)
                    && tags.entrySet().stream().allMatch(tag -> tag.getValue().equals(version.tags().get(tag.getKey())))
                    && sizeGreaterThan.map(bound -> version.size() > bound).orElse(true)
                    && sizeLessThan.map(bound -> version.size() < bound).orElse(true);
        }
    }
}
