package io.strongroom.audit.trails;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.auth.CallContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The trail operations. Each validates its input first, then in one transaction authorises
 * {@code cloudtrail:<Operation>} on the trail's ARN (DescribeTrails and ListTrails on {@code *}),
 * finds the trail (TrailNotFoundException for one the caller cannot see) and, for a change, appends
 * the trail's next version. A failed call changes nothing.
 */
final class TrailOperations {
    /** AWS's limit of trails per account and region. */
    static final int MAX_TRAILS_PER_ACCOUNT = 5;
    static final int MAX_EVENT_SELECTORS = 5;
    static final int MAX_DATA_RESOURCE_VALUES = 250;
    /** The data resource types basic event selectors take, and the ARN prefix each one's values begin with. */
    private static final List<List<String>> DATA_RESOURCE_TYPES = List.of(
            List.of("AWS::S3::Object", "arn:aws:s3"),
            List.of("AWS::Lambda::Function", "arn:aws:lambda"),
            List.of("AWS::DynamoDB::Table", "arn:aws:dynamodb"));
    private static final Set<String> EXCLUDABLE_SOURCES = Set.of("kms.amazonaws.com", "rdsdata.amazonaws.com");

    private final TrailRepository trails;
    private final TrailGuard guard;
    private final Transactor transactor;
    private final Clock clock;
    private final String region;

    TrailOperations(TrailRepository trails, TrailGuard guard, Transactor transactor, Clock clock, String region) {
        this.trails = requireNonNull(trails, "trails");
        this.guard = requireNonNull(guard, "guard");
        this.transactor = requireNonNull(transactor, "transactor");
        this.clock = requireNonNull(clock, "clock");
        this.region = requireNonNull(region, "region");
    }

    // ---- create, update, delete

    Trail create(CallContext call, CreateTrailRequest request) {
        TrailNames.checkName(request.name());
        TrailNames.checkBucketName(request.s3BucketName());
        request.s3KeyPrefix().ifPresent(TrailNames::checkS3KeyPrefix);
        String account = call.principal().accountId();
        String arn = Trail.arn(region, account, request.name());
        return transactor.inTransaction(() -> {
            guard.authorize(call, "CreateTrail", arn);
            boolean organizationTrail = request.organizationTrail().orElse(false);
            if (organizationTrail) {
                guard.requireManagementAccount(account);
            }
            Optional<TrailVersion> latest = trails.latest(arn);
            if (latest.isPresent() && !latest.get().deleted()) {
                throw CloudTrailErrors.trailAlreadyExists(arn);
            }
            long owned = trails.current().stream().map(TrailVersion::trail)
                    .filter(trail -> trail.ownerAccountId().equals(account) && trail.homeRegion().equals(region))
                    .count();
            if (owned >= MAX_TRAILS_PER_ACCOUNT) {
                throw CloudTrailErrors.maximumTrailsExceeded();
            }
            Instant now = now();
            Trail trail = new Trail(arn, request.name(), account, region, Optional.of(request.s3BucketName()),
                    request.s3KeyPrefix().filter(prefix -> !prefix.isEmpty()),
                    request.includeGlobalServiceEvents().orElse(true), request.multiRegion().orElse(false),
                    organizationTrail, request.enableLogFileValidation().orElse(false), false, Optional.empty(),
                    Optional.empty(), List.of(EventSelector.ALL_MANAGEMENT_EVENTS), false, now);
            long version = latest.map(deleted -> deleted.version() + 1).orElse(1L);
            if (!trails.append(new TrailVersion(trail, version, now, false))) {
                throw CloudTrailErrors.trailAlreadyExists(arn);
            }
            return trail;
        });
    }

    Trail update(CallContext call, UpdateTrailRequest request) {
        TrailNames.Reference reference = reference(call, request.name());
        request.s3BucketName().ifPresent(TrailNames::checkBucketName);
        request.s3KeyPrefix().ifPresent(TrailNames::checkS3KeyPrefix);
        return change(call, "UpdateTrail", reference, trail -> {
            boolean organizationTrail = request.organizationTrail().orElse(trail.organizationTrail());
            if (organizationTrail && !trail.organizationTrail()) {
                guard.requireManagementAccount(call.principal().accountId());
            }
            return trail.withSettings(request.s3BucketName().or(trail::s3BucketName),
                    request.s3KeyPrefix().isPresent()
                            ? request.s3KeyPrefix().filter(prefix -> !prefix.isEmpty()) : trail.s3KeyPrefix(),
                    request.includeGlobalServiceEvents().orElse(trail.includeGlobalServiceEvents()),
                    request.multiRegion().orElse(trail.multiRegion()), organizationTrail,
                    request.enableLogFileValidation().orElse(trail.logFileValidation()));
        });
    }

    void delete(CallContext call, String nameOrArn) {
        TrailNames.Reference reference = reference(call, nameOrArn);
        transactor.inTransaction(() -> {
            guard.authorize(call, "DeleteTrail", reference.arn());
            TrailVersion latest = visible(call, reference);
            save(latest.deletion(now()));
            return null;
        });
    }

    // ---- logging

    void startLogging(CallContext call, String nameOrArn) {
        TrailNames.Reference reference = reference(call, nameOrArn);
        change(call, "StartLogging", reference, trail -> trail.logging() ? trail : trail.startedLogging(now()));
    }

    void stopLogging(CallContext call, String nameOrArn) {
        TrailNames.Reference reference = reference(call, nameOrArn);
        change(call, "StopLogging", reference, trail -> trail.logging() ? trail.stoppedLogging(now()) : trail);
    }

    TrailStatus status(CallContext call, String nameOrArn) {
        Trail trail = read(call, "GetTrailStatus", nameOrArn);
        return new TrailStatus(trail.logging(), trail.startLoggingTime(), trail.stopLoggingTime());
    }

    // ---- event selectors

    TrailSelectors eventSelectors(CallContext call, String nameOrArn) {
        Trail trail = read(call, "GetEventSelectors", nameOrArn);
        return new TrailSelectors(trail.arn(), trail.eventSelectors());
    }

    /**
     * Replaces the trail's event selectors. {@code advancedEventSelectorsGiven}: advanced event selectors
     * are not implemented, so a request that has them is refused rather than half applied.
     */
    TrailSelectors putEventSelectors(CallContext call, String nameOrArn, Optional<List<EventSelectorRequest>> requested,
                                     boolean advancedEventSelectorsGiven) {
        TrailNames.Reference reference = reference(call, nameOrArn);
        if (advancedEventSelectorsGiven) {
            throw CloudTrailErrors.invalidEventSelectors("AdvancedEventSelectors are not supported by this service;"
                    + " use EventSelectors.");
        }
        List<EventSelector> selectors = validSelectors(requested.orElseThrow(() ->
                CloudTrailErrors.invalidEventSelectors("Specify EventSelectors.")));
        Trail changed = change(call, "PutEventSelectors", reference, trail -> trail.withEventSelectors(selectors));
        return new TrailSelectors(changed.arn(), changed.eventSelectors());
    }

    // ---- reads

    Trail get(CallContext call, String nameOrArn) {
        return read(call, "GetTrail", nameOrArn);
    }

    /**
     * DescribeTrails: the trails named (names and ARNs; unknown ones are left out, as AWS does), or every
     * trail the caller can see when none is named. Without shadow trails, only the caller's own.
     */
    List<Trail> describe(CallContext call, List<String> namesOrArns, boolean includeShadowTrails) {
        String account = call.principal().accountId();
        List<TrailNames.Reference> references = namesOrArns.stream()
                .map(name -> TrailNames.reference(name, region, account)).toList();
        return transactor.inTransaction(() -> {
            guard.authorize(call, "DescribeTrails", "*");
            List<Trail> seen = visibleTrails(account).stream()
                    .filter(trail -> includeShadowTrails || trail.ownerAccountId().equals(account))
                    .toList();
            if (references.isEmpty()) {
                return seen;
            }
            Set<String> arns = new HashSet<>();
            Set<String> names = new HashSet<>();
            for (TrailNames.Reference reference : references) {
                if (reference.given().startsWith("arn:")) {
                    arns.add(reference.arn());
                } else {
                    names.add(reference.name());
                }
            }
            return seen.stream().filter(trail -> arns.contains(trail.arn()) || names.contains(trail.name())).toList();
        });
    }

    /** ListTrails: every trail the caller can see, in one page (a caller sees few; no token is ever issued). */
    List<Trail> list(CallContext call, Optional<String> nextToken) {
        if (nextToken.isPresent()) {
            throw CloudTrailErrors.invalidNextToken();
        }
        return transactor.inTransaction(() -> {
            guard.authorize(call, "ListTrails", "*");
            return visibleTrails(call.principal().accountId());
        });
    }

    // ---- shared steps

    private TrailNames.Reference reference(CallContext call, String nameOrArn) {
        return TrailNames.reference(nameOrArn, region, call.principal().accountId());
    }

    private Trail read(CallContext call, String operation, String nameOrArn) {
        TrailNames.Reference reference = reference(call, nameOrArn);
        return transactor.inTransaction(() -> {
            guard.authorize(call, operation, reference.arn());
            return visible(call, reference).trail();
        });
    }

    /** Authorises, finds the trail, and appends its next version when {@code change} changed it. */
    private Trail change(CallContext call, String operation, TrailNames.Reference reference,
                         Function<Trail, Trail> change) {
        return transactor.inTransaction(() -> {
            guard.authorize(call, operation, reference.arn());
            TrailVersion latest = visible(call, reference);
            Trail changed = change.apply(latest.trail());
            if (!changed.equals(latest.trail())) {
                save(latest.next(changed, now()));
            }
            return changed;
        });
    }

    private TrailVersion visible(CallContext call, TrailNames.Reference reference) {
        String account = call.principal().accountId();
        return trails.latest(reference.arn())
                .filter(version -> !version.deleted() && guard.canSee(account, version.trail()))
                .orElseThrow(() -> CloudTrailErrors.trailNotFound(reference.given(), account));
    }

    private List<Trail> visibleTrails(String account) {
        List<Trail> seen = new ArrayList<>();
        for (TrailVersion version : trails.current()) {
            if (guard.canSee(account, version.trail())) {
                seen.add(version.trail());
            }
        }
        return seen;
    }

    private void save(TrailVersion version) {
        if (!trails.append(version)) {
            throw CloudTrailErrors.conflict(version.trail().arn());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static List<EventSelector> validSelectors(List<EventSelectorRequest> requested) {
        if (requested.size() > MAX_EVENT_SELECTORS) {
            throw CloudTrailErrors.invalidEventSelectors("A trail can have at most " + MAX_EVENT_SELECTORS
                    + " event selectors; " + requested.size() + " were given.");
        }
        List<EventSelector> selectors = new ArrayList<>();
        int values = 0;
        for (EventSelectorRequest selector : requested) {
            ReadWriteType readWrite = selector.readWriteType().map(name -> ReadWriteType.fromWireName(name)
                    .orElseThrow(() -> CloudTrailErrors.invalidEventSelectors("Invalid ReadWriteType "
                            + CloudTrailErrors.quoted(name) + ": it must be ReadOnly, WriteOnly or All.")))
                    .orElse(ReadWriteType.ALL);
            List<DataResource> data = new ArrayList<>();
            for (EventSelectorRequest.DataResourceRequest resource : selector.dataResources()) {
                data.add(validDataResource(resource));
                values += resource.values().size();
            }
            for (String source : selector.excludeManagementEventSources()) {
                if (!EXCLUDABLE_SOURCES.contains(source)) {
                    throw CloudTrailErrors.invalidEventSelectors("Invalid ExcludeManagementEventSources value "
                            + CloudTrailErrors.quoted(source) + ": only kms.amazonaws.com and rdsdata.amazonaws.com"
                            + " can be excluded.");
                }
            }
            selectors.add(new EventSelector(readWrite, selector.includeManagementEvents().orElse(true), data,
                    selector.excludeManagementEventSources()));
        }
        if (values > MAX_DATA_RESOURCE_VALUES) {
            throw CloudTrailErrors.invalidEventSelectors("A trail can have at most " + MAX_DATA_RESOURCE_VALUES
                    + " data resources; " + values + " were given.");
        }
        return selectors;
    }

    private static DataResource validDataResource(EventSelectorRequest.DataResourceRequest resource) {
        String type = resource.type().orElseThrow(() ->
                CloudTrailErrors.invalidEventSelectors("Every DataResource needs a Type."));
        String arnPrefix = DATA_RESOURCE_TYPES.stream().filter(known -> known.get(0).equals(type))
                .map(known -> known.get(1)).findFirst()
                .orElseThrow(() -> CloudTrailErrors.invalidEventSelectors("Invalid DataResource Type "
                        + CloudTrailErrors.quoted(type) + ": basic event selectors take AWS::S3::Object,"
                        + " AWS::Lambda::Function and AWS::DynamoDB::Table."));
        if (resource.values().isEmpty()) {
            throw CloudTrailErrors.invalidEventSelectors("The DataResource of type " + type + " needs Values.");
        }
        for (String value : resource.values()) {
            // the type's whole service (arn:aws:s3), or ARNs of it (arn:aws:s3:::bucket/ …)
            if (!value.equals(arnPrefix) && !value.startsWith(arnPrefix + ":")) {
                throw CloudTrailErrors.invalidEventSelectors("Value " + CloudTrailErrors.quoted(value)
                        + " for DataResources.Values is invalid for type " + type + ".");
            }
        }
        return new DataResource(type, resource.values());
    }
}
