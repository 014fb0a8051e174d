package io.strongroom.audit.trails;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.AuditRepository;
import io.strongroom.audit.export.DeliveryFilter;
import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.IdentityRepository;
import io.strongroom.iam.identity.Organization;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The CloudTrail API as plain Java: LookupEvents over the hash-chained records, and trails as
 * resources. One method per operation, taking the caller and the request's members (enum members as
 * wire strings, so a bad value fails with CloudTrail's own error) and returning records shaped like
 * the model's. Failures are {@link CloudTrailException}s, or IAM's AccessDeniedException.
 *
 * <p>Trails never stop the record of a call nor LookupEvents: they decide what the export sinks
 * deliver ({@link #delivery}). A default trail, {@value #DEFAULT_TRAIL_NAME}, is created once for the
 * organization: an organization trail of the management account, multi-region, logging, taking every
 * management event. Stopping, deleting or narrowing it is an API call like any other, audited and
 * subject to the guardrails (the baseline {@code protect-cloudtrail} denies it).
 */
public final class CloudTrailService {
    public static final String DEFAULT_TRAIL_NAME = "strongroom-default";
    private static final int TOKEN_KEY_BYTES = 32;

    private final TrailRepository trails;
    private final IdentityRepository identities;
    private final Transactor transactor;
    private final Clock clock;
    private final String region;
    private final TrailOperations operations;
    private final LookupEventsOperation lookup;
    private volatile byte[] tokenKey;

    /**
     * @param region the region this server answers as: trails are created here and name it in their ARN
     */
    public CloudTrailService(TrailRepository trails, AuditRepository records, IdentityRepository identities,
                             Transactor transactor, AccessAuthorizer authorizer, Clock clock, String region) {
        this.trails = requireNonNull(trails, "trails");
        this.identities = requireNonNull(identities, "identities");
        this.transactor = requireNonNull(transactor, "transactor");
        this.clock = requireNonNull(clock, "clock");
        this.region = requireNonNull(region, "region");
        TrailGuard guard = new TrailGuard(identities, authorizer);
        this.operations = new TrailOperations(trails, guard, transactor, clock, region);
        this.lookup = new LookupEventsOperation(records, guard, new LookupTokens(this::tokenKey));
    }

    /**
     * Sets the service up on its first start: the key of LookupEvents tokens and the organization's
     * default trail. Later starts change nothing, so a default trail deleted through the API stays
     * deleted. Call it after iam's bootstrap (which creates the organization).
     *
     * @return whether anything was set up
     */
    public boolean ensureInitialised() {
        return transactor.inTransaction(() -> {
            if (trails.settings().isPresent()) {
                return false;
            }
            Optional<Organization> organization = identities.findOrganization();
            if (organization.isEmpty()) {
                return false;
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            byte[] key = new byte[TOKEN_KEY_BYTES];
            new SecureRandom().nextBytes(key);
            if (!trails.initialise(new TrailSettings(organization.get().id(), key, now))) {
                return false; // another node set up first
            }
            trails.append(new TrailVersion(defaultTrail(organization.get().managementAccountId(), now), 1, now, false));
            return true;
        });
    }

    private Trail defaultTrail(String managementAccountId, Instant now) {
        return new Trail(Trail.arn(region, managementAccountId, DEFAULT_TRAIL_NAME), DEFAULT_TRAIL_NAME,
                managementAccountId, region, Optional.empty(), Optional.empty(), true, true, true, true, true,
                Optional.of(now), Optional.empty(), List.of(EventSelector.ALL_MANAGEMENT_EVENTS), false, now);
    }

    // ---- LookupEvents

    public LookupEventsResult lookupEvents(CallContext call, LookupEventsRequest request) {
        return lookup.lookup(call, request);
    }

    // ---- trails

    public Trail createTrail(CallContext call, CreateTrailRequest request) {
        return operations.create(call, request);
    }

    public Trail updateTrail(CallContext call, UpdateTrailRequest request) {
        return operations.update(call, request);
    }

    public void deleteTrail(CallContext call, String nameOrArn) {
        operations.delete(call, nameOrArn);
    }

    public Trail getTrail(CallContext call, String nameOrArn) {
        return operations.get(call, nameOrArn);
    }

    /** @param namesOrArns the trails to describe; empty describes every trail the caller can see */
    public List<Trail> describeTrails(CallContext call, List<String> namesOrArns, boolean includeShadowTrails) {
        return operations.describe(call, namesOrArns, includeShadowTrails);
    }

    public List<Trail> listTrails(CallContext call, Optional<String> nextToken) {
        return operations.list(call, nextToken);
    }

    public TrailStatus getTrailStatus(CallContext call, String nameOrArn) {
        return operations.status(call, nameOrArn);
    }

    public void startLogging(CallContext call, String nameOrArn) {
        operations.startLogging(call, nameOrArn);
    }

    public void stopLogging(CallContext call, String nameOrArn) {
        operations.stopLogging(call, nameOrArn);
    }

    public TrailSelectors getEventSelectors(CallContext call, String trailName) {
        return operations.eventSelectors(call, trailName);
    }

    /**
     * @param eventSelectors              the EventSelectors member; empty when absent
     * @param advancedEventSelectorsGiven whether the request has AdvancedEventSelectors (refused)
     */
    public TrailSelectors putEventSelectors(CallContext call, String trailName,
                                            Optional<List<EventSelectorRequest>> eventSelectors,
                                            boolean advancedEventSelectorsGiven) {
        return operations.putEventSelectors(call, trailName, eventSelectors, advancedEventSelectorsGiven);
    }

    // ---- for the export sinks (no caller: Strongroom's own use)

    /**
     * What the export sinks deliver of the records made at or after {@code since}: pass the event time
     * of the oldest record of the batch at hand. Reads the store; take one per batch.
     */
    public TrailDelivery delivery(Instant since) {
        requireNonNull(since, "since");
        // one statement, so no transaction: a transaction would queue behind SQLite's writers
        return TrailDelivery.of(trails.history(since));
    }

    /**
     * The trails as a filter for the audit exporter: {@link #delivery} per record, reloaded only when
     * a record may be newer than the trails it has loaded (see {@link TrailExportFilter}).
     */
    public DeliveryFilter exportFilter() {
        return new TrailExportFilter(this::delivery, clock);
    }

    private byte[] tokenKey() {
        byte[] key = tokenKey;
        if (key == null) {
            key = trails.settings().map(TrailSettings::lookupTokenKey).orElseThrow(() ->
                    new IllegalStateException("the CloudTrail service is not set up: call ensureInitialised first"));
            tokenKey = key;
        }
        return key;
    }
}
