package io.strongroom.protocol.iam;

import io.strongroom.iam.identity.IdentityService;
import io.strongroom.iam.simulation.PolicySimulator;
import io.strongroom.protocol.query.OperationFamily;
import io.strongroom.protocol.query.QueryService;
import io.strongroom.protocol.query.QueryServiceHandler;
import java.util.List;

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
}
