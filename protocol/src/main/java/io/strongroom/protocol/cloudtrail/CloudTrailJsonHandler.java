package io.strongroom.protocol.cloudtrail;

import io.strongroom.audit.AuditResource;
import io.strongroom.audit.trails.CloudTrailService;
import io.strongroom.protocol.audit.AuditResourceTable;
import io.strongroom.protocol.json.JsonService;
import io.strongroom.protocol.json.JsonServiceHandler;
import java.util.List;
import java.util.Map;

/**
 * AWS CloudTrail over the AWS JSON 1.1 protocol
 * ({@code X-Amz-Target: com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.<Operation>}): LookupEvents
 * and trails as resources. Each operation family reads its input as the 2013-11-01 model shapes it,
 * calls the {@link CloudTrailService} (which validates, authorises and does the work) and writes the
 * model's output shapes. Errors carry a {@code Message}; input that breaks a member's constraint gets
 * the exception CloudTrail names for that member ({@link CloudTrailErrorDialect}).
 */
public final class CloudTrailJsonHandler extends JsonServiceHandler {
    public static final String SIGNING_NAME = "cloudtrail";
    public static final String TARGET_PREFIX = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101";
    public static final JsonService SERVICE = JsonService.builder(TARGET_PREFIX)
            .messageMember("Message")
            .validationErrors(CloudTrailErrorDialect::toError)
            .build();

    public CloudTrailJsonHandler(CloudTrailService cloudTrail) {
        super(SIGNING_NAME, SERVICE, List.of(
                new LookupActions(cloudTrail),
                new TrailActions(cloudTrail),
                new LoggingActions(cloudTrail),
                new EventSelectorActions(cloudTrail)));
    }

    /** The trail a call names (by name or ARN). */
    private static final AuditResourceTable RESOURCES = AuditResourceTable.builder()
            .name("name", "AWS::CloudTrail::Trail",
                    (account, region, name) -> "arn:aws:cloudtrail:" + region + ":" + account + ":trail/" + name)
            .name("trailName", "AWS::CloudTrail::Trail",
                    (account, region, name) -> "arn:aws:cloudtrail:" + region + ":" + account + ":trail/" + name)
            .build();

    @Override
    public List<AuditResource> auditResources(Map<String, Object> requestParameters, String accountId, String region) {
        return RESOURCES.resources(requestParameters, accountId, region);
    }
}
