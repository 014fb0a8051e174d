package io.strongroom.protocol.sts;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.sts.AssumeRoleRequest;
import io.strongroom.iam.sts.AssumeRoleResult;
import io.strongroom.iam.sts.CallerIdentity;
import io.strongroom.iam.sts.StsService;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.ServiceHandler;
import io.strongroom.protocol.query.CommonParameters;
import io.strongroom.protocol.query.OperationTable;
import io.strongroom.protocol.query.QueryDispatcher;
import io.strongroom.protocol.query.QueryParameters;
import io.strongroom.protocol.query.QueryResult;
import io.strongroom.protocol.query.QueryService;
import java.util.Set;

/** STS over the AWS Query protocol: GetCallerIdentity and AssumeRole. */
public final class StsQueryHandler implements ServiceHandler {
    public static final String SIGNING_NAME = "sts";
    public static final QueryService SERVICE =
            new QueryService("2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/", "InternalFailure");

    private final StsService sts;
    private final QueryDispatcher dispatcher;

    public StsQueryHandler(StsService sts) {
        this.sts = requireNonNull(sts, "sts");
        OperationTable table = new OperationTable()
                .add("GetCallerIdentity", this::getCallerIdentity)
                .add("AssumeRole", this::assumeRole);
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

    public Set<String> actions() {
        return dispatcher.actions();
    }

    private QueryResult getCallerIdentity(QueryParameters p, CallContext call) {
        CallerIdentity identity = sts.getCallerIdentity(call);
        return QueryResult.of(xml -> xml.element("UserId", identity.userId())
                .element("Account", identity.account())
                .element("Arn", identity.arn()));
    }

    /**
     * Managed session policies, transitive tags, MFA and provided contexts are refused rather than
     * ignored: dropping a session policy would hand out more access than the caller asked for.
     */
    private QueryResult assumeRole(QueryParameters p, CallContext call) {
        CommonParameters.rejectUnsupported(p, "PolicyArns", "TransitiveTagKeys", "SerialNumber", "TokenCode",
                "ProvidedContexts");
        AssumeRoleRequest request = new AssumeRoleRequest(
                p.requiredString("RoleArn"),
                p.requiredString("RoleSessionName"),
                p.integer("DurationSeconds"),
                p.string("ExternalId"),
                p.string("Policy"),
                CommonParameters.tags(p, "Tags"),
                p.string("SourceIdentity"));
        AssumeRoleResult result = sts.assumeRole(call, request);
        return QueryResult.of(xml -> {
            var credentials = result.credentials();
            xml.start("Credentials")
                    .element("AccessKeyId", credentials.accessKeyId())
                    .element("SecretAccessKey", credentials.secretAccessKey())
                    .element("SessionToken", credentials.sessionToken())
                    .element("Expiration", credentials.expiration())
                    .end();
            xml.start("AssumedRoleUser")
                    .element("AssumedRoleId", result.assumedRoleUser().assumedRoleId())
                    .element("Arn", result.assumedRoleUser().arn())
                    .end();
            xml.element("PackedPolicySize", result.packedPolicySize());
            xml.element("SourceIdentity", result.sourceIdentity());
        });
    }
}
