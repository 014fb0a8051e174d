package io.strongroom.protocol.iam;

import io.strongroom.audit.AuditResource;
import io.strongroom.iam.identity.IdentityService;
import io.strongroom.iam.simulation.PolicySimulator;
import io.strongroom.protocol.audit.AuditResourceTable;
import io.strongroom.protocol.query.OperationFamily;
import io.strongroom.protocol.query.QueryService;
import io.strongroom.protocol.query.QueryServiceHandler;
import java.util.List;
import java.util.Map;

/**
 * IAM over the AWS Query protocol. Each operation family maps its Actions onto the
 * {@link IdentityService} (or, for SimulatePrincipalPolicy and SimulateCustomPolicy, the
 * {@link PolicySimulator}), which authorises the caller and does the work.
 */
public final class IamQueryHandler extends QueryServiceHandler {
    public static final String SIGNING_NAME = "iam";
    public static final QueryService SERVICE =
            new QueryService("2010-05-08", "https://iam.amazonaws.com/doc/2010-05-08/", "ServiceFailure");

    public IamQueryHandler(IdentityService identities, PolicySimulator simulator) {
        super(SIGNING_NAME, SERVICE, families(identities, simulator));
    }

    private static List<OperationFamily> families(IdentityService identities, PolicySimulator simulator) {
        return List.of(
                new UserActions(identities),
                new GroupActions(identities),
                new RoleActions(identities),
                new AccessKeyActions(identities),
                new ManagedPolicyActions(identities),
                new InlinePolicyActions(identities),
                new PolicyAttachmentActions(identities),
                new TagActions(identities),
                new PermissionsBoundaryActions(identities),
                new AccountDetailsActions(identities),
                new SimulationActions(simulator));
    }

    /** The IAM entities a call names by parameter. */
    private static final AuditResourceTable RESOURCES = AuditResourceTable.builder()
            .name("userName", "AWS::IAM::User", (account, region, name) -> "arn:aws:iam::" + account + ":user/" + name)
            .name("roleName", "AWS::IAM::Role", (account, region, name) -> "arn:aws:iam::" + account + ":role/" + name)
            .name("groupName", "AWS::IAM::Group",
                    (account, region, name) -> "arn:aws:iam::" + account + ":group/" + name)
            .arn("policyArn", "AWS::IAM::Policy")
            .arn("policySourceArn", "AWS::IAM::Principal")
            .build();

    @Override
    public List<AuditResource> auditResources(Map<String, Object> requestParameters, String accountId, String region) {
        return RESOURCES.resources(requestParameters, accountId, region);
    }
}
