package io.strongroom.protocol.iam;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.IdentityService;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.ServiceHandler;
import io.strongroom.protocol.query.OperationFamily;
import io.strongroom.protocol.query.OperationTable;
import io.strongroom.protocol.query.QueryDispatcher;
import io.strongroom.protocol.query.QueryService;
import java.util.List;
import java.util.Set;

/**
 * IAM over the AWS Query protocol. Each operation family maps its Actions onto the
 * {@link IdentityService}, which authorises the caller and does the work.
 */
public final class IamQueryHandler implements ServiceHandler {
    public static final String SIGNING_NAME = "iam";
    public static final QueryService SERVICE =
            new QueryService("2010-05-08", "https://iam.amazonaws.com/doc/2010-05-08/", "ServiceFailure");

    private final QueryDispatcher dispatcher;

    public IamQueryHandler(IdentityService identities) {
        requireNonNull(identities, "identities");
        OperationTable table = new OperationTable();
        List<OperationFamily> families = List.of(
                new UserActions(identities),
                new GroupActions(identities),
                new RoleActions(identities),
                new AccessKeyActions(identities),
                new ManagedPolicyActions(identities),
                new InlinePolicyActions(identities),
                new PolicyAttachmentActions(identities),
                new TagActions(identities),
                new PermissionsBoundaryActions(identities),
                new AccountDetailsActions(identities));
        families.forEach(family -> family.registerInto(table));
        this.dispatcher = new QueryDispatcher(SERVICE, table);
    }

    @Override
    public String signingName() {
        return SIGNING_NAME;
    }

    @Override
    public String operationName(ApiRequest request) {
        return dispatcher.operationName(request);
    }

    @Override
    public ApiResponse handle(ApiRequest request, CallContext call) {
        return dispatcher.dispatch(request, call);
    }

    @Override
    public ApiResponse renderError(ApiRequest request, AwsException error) {
        return dispatcher.renderError(request, error);
    }

    /** The Actions this handler accepts. */
    public Set<String> actions() {
        return dispatcher.actions();
    }
}
