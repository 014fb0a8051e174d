package io.strongroom.audit.testing;

import io.strongroom.audit.AuditEvent;
import io.strongroom.audit.AuditResource;
import io.strongroom.audit.AuditTrail;
import io.strongroom.audit.EventCategory;
import io.strongroom.audit.Redaction;
import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.audit.UserIdentity;
import io.strongroom.audit.trails.CloudTrailService;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.Principal;
import io.strongroom.iam.testing.IamFixture;

/**
 * The CloudTrail service over in-memory fakes: iam's bootstrapped identity domain ({@link IamFixture}),
 * the audit records, and the trails, set up as the server sets them up at its first start. Records
 * are written through the real {@link AuditTrail}, as the request pipeline writes them.
 */
public final class CloudTrailFixture {
    public static final String REGION = "us-east-1";

    public final IamFixture iam = new IamFixture();
    public final InMemoryAuditRepository records = new InMemoryAuditRepository();
    public final InMemoryAuditTransactor recordsTransactor = new InMemoryAuditTransactor(records);
    public final AuditTrail auditTrail = new AuditTrail(records, Redaction.withDefaults());
    public final InMemoryTrailRepository trails = new InMemoryTrailRepository();
    public final InMemoryTrailTransactor transactor = new InMemoryTrailTransactor(trails, iam.transactor);
    public final CloudTrailService cloudTrail = new CloudTrailService(trails, records, iam.repository, transactor,
            iam.authorizer, iam.clock, REGION);
    /** The management account's bootstrap administrator. */
    public final CallContext admin = iam.admin;
    public final String account = iam.account;

    public CloudTrailFixture() {
        cloudTrail.ensureInitialised();
    }

    /** The ARN of the organization's default trail. */
    public String defaultTrailArn() {
        return "arn:aws:cloudtrail:" + REGION + ":" + account + ":trail/" + CloudTrailService.DEFAULT_TRAIL_NAME;
    }

    /** Records a call as the pipeline would: made by {@code caller} now, in its account. */
    public StoredAuditRecord record(CallContext caller, String eventSource, String eventName, boolean readOnly,
                                    AuditResource... resources) {
        return record(caller, eventSource, eventName, readOnly, EventCategory.MANAGEMENT, resources);
    }

    public StoredAuditRecord record(CallContext caller, String eventSource, String eventName, boolean readOnly,
                                    EventCategory category, AuditResource... resources) {
        Principal principal = caller.principal();
        AuditEvent.Builder event = AuditEvent.builder()
                .userIdentity(UserIdentity.iamUser(principal.principalId(), principal.arn(), principal.accountId(),
                        principal.accessKeyId(), principal.isRoot() ? null : principal.name()))
                .eventTime(iam.clock.instant())
                .eventSource(eventSource)
                .eventName(eventName)
                .awsRegion(REGION)
                .sourceIPAddress(caller.sourceIp())
                .userAgent(caller.userAgent())
                .requestId(caller.requestId())
                .readOnly(readOnly)
                .eventCategory(category)
                .recipientAccountId(principal.accountId());
        for (AuditResource resource : resources) {
            event.resource(resource);
        }
        return recordsTransactor.inTransaction(() -> auditTrail.record(event.build()));
    }
}
