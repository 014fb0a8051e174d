package io.strongroom.protocol.sts;

import io.strongroom.audit.AuditResource;
import io.strongroom.iam.sts.StsService;
import io.strongroom.protocol.audit.AuditResourceTable;
import io.strongroom.protocol.query.QueryService;
import io.strongroom.protocol.query.QueryServiceHandler;
import java.util.List;
import java.util.Map;

/** STS over the AWS Query protocol: GetCallerIdentity and AssumeRole. */
public final class StsQueryHandler extends QueryServiceHandler {
    public static final String SIGNING_NAME = "sts";
    public static final QueryService SERVICE =
            new QueryService("2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/", "InternalFailure");

    public StsQueryHandler(StsService sts) {
        super(SIGNING_NAME, SERVICE, List.of(new StsActions(sts)));
    }

    /** The role AssumeRole names. */
    private static final AuditResourceTable RESOURCES = AuditResourceTable.builder()
            .arn("roleArn", "AWS::IAM::Role")
            .build();

    @Override
    public List<AuditResource> auditResources(Map<String, Object> requestParameters, String accountId, String region) {
        return RESOURCES.resources(requestParameters, accountId, region);
    }
}
