package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
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
 */
public record LifecycleRule(String id, boolean enabled, Filter filter, Optional<Integer> expirationDays,
                            Optional<Instant> expirationDate, boolean expiredObjectDeleteMarker,
                            Optional<Integer> noncurrentDays) {

    public LifecycleRule {
        requireNonNull(id, "id");
        requireNonNull(filter, "filter");
        requireNonNull(expirationDays, "expirationDays");
        requireNonNull(expirationDate, "expirationDate");
        requireNonNull(noncurrentDays, "noncurrentDays");
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
