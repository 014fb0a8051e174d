package io.strongroom.protocol.sts;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.sts.AssumeRoleRequest;
import io.strongroom.iam.sts.AssumeRoleResult;
import io.strongroom.iam.sts.CallerIdentity;
import io.strongroom.iam.sts.StsService;
import io.strongroom.protocol.query.CommonParameters;
import io.strongroom.protocol.query.OperationFamily;
import io.strongroom.protocol.query.OperationTable;
import io.strongroom.protocol.query.QueryParameters;
import io.strongroom.protocol.query.QueryResult;

/** GetCallerIdentity and AssumeRole, mapped onto the {@link StsService}. */
final class StsActions implements OperationFamily {
    private final StsService sts;

    StsActions(StsService sts) {
        this.sts = requireNonNull(sts, "sts");
    }

    @Override
    public void registerInto(OperationTable table) {
        table.add("GetCallerIdentity", this::getCallerIdentity)
                .add("AssumeRole", this::assumeRole);
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
