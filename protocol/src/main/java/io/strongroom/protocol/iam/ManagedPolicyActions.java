package io.strongroom.protocol.iam;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.IdentityService;
import io.strongroom.iam.identity.Page;
import io.strongroom.iam.identity.PageRequest;
import io.strongroom.iam.identity.PolicyInfo;
import io.strongroom.iam.identity.PolicyVersion;
import io.strongroom.protocol.query.CommonParameters;
import io.strongroom.protocol.query.OperationFamily;
import io.strongroom.protocol.query.OperationTable;
import io.strongroom.protocol.query.QueryParameters;
import io.strongroom.protocol.query.QueryResult;
import io.strongroom.core.AwsException;
import java.util.List;
import java.util.Set;

/**
 * Create/Get/List/DeletePolicy, Create/Get/List/DeletePolicyVersion and SetDefaultPolicyVersion.
 */
final class ManagedPolicyActions implements OperationFamily {
    private static final Set<String> USAGE_FILTERS = Set.of("PermissionsPolicy", "PermissionsBoundary");

    private final IdentityService identities;

    ManagedPolicyActions(IdentityService identities) {
        this.identities = requireNonNull(identities, "identities");
    }

    @Override
    public void registerInto(OperationTable table) {
        table.add("CreatePolicy", this::createPolicy)
                .add("GetPolicy", this::getPolicy)
                .add("ListPolicies", this::listPolicies)
                .add("DeletePolicy", this::deletePolicy)
                .add("CreatePolicyVersion", this::createPolicyVersion)
                .add("GetPolicyVersion", this::getPolicyVersion)
                .add("ListPolicyVersions", this::listPolicyVersions)
                .add("DeletePolicyVersion", this::deletePolicyVersion)
                .add("SetDefaultPolicyVersion", this::setDefaultPolicyVersion);
    }

    private QueryResult createPolicy(QueryParameters p, CallContext call) {
        CommonParameters.rejectUnsupported(p, "Tags"); // managed-policy tags are not stored yet
        PolicyInfo info = identities.createPolicy(call, p.requiredString("PolicyName"), p.requiredString("PolicyDocument"),
                p.string("Path"), p.string("Description"));
        return singlePolicy(info);
    }

    private QueryResult getPolicy(QueryParameters p, CallContext call) {
        return singlePolicy(identities.getPolicy(call, p.requiredString("PolicyArn")));
    }

    /**
     * Every managed policy can serve both as a permissions policy and as a boundary, so
     * {@code PolicyUsageFilter} narrows nothing; its value is still checked.
     */
    private QueryResult listPolicies(QueryParameters p, CallContext call) {
        p.string("PolicyUsageFilter").filter(filter -> !USAGE_FILTERS.contains(filter)).ifPresent(filter -> {
            throw AwsException.validation("1 validation error detected: Value '" + filter
                    + "' at 'policyUsageFilter' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[PermissionsPolicy, PermissionsBoundary]");
        });
        Page<PolicyInfo> page = identities.listPolicies(call, p.string("Scope"), p.bool("OnlyAttached").orElse(false),
                p.string("PathPrefix"), CommonParameters.page(p));
        return QueryResult.of(xml -> {
            xml.list("Policies", page.items(), IamShapes::policy);
            IamShapes.pageEnd(xml, page);
        });
    }

    private QueryResult deletePolicy(QueryParameters p, CallContext call) {
        identities.deletePolicy(call, p.requiredString("PolicyArn"));
        return QueryResult.none();
    }

    /** IAM's answer carries the version's id, default flag and date, not its document. */
    private QueryResult createPolicyVersion(QueryParameters p, CallContext call) {
        PolicyVersion version = identities.createPolicyVersion(call, p.requiredString("PolicyArn"),
                p.requiredString("PolicyDocument"), p.bool("SetAsDefault").orElse(false));
        return singleVersion(version, false);
    }

    private QueryResult getPolicyVersion(QueryParameters p, CallContext call) {
        return singleVersion(identities.getPolicyVersion(call, p.requiredString("PolicyArn"),
                p.requiredString("VersionId")), true);
    }

    /** A policy has at most five versions: never truncated. */
    private QueryResult listPolicyVersions(QueryParameters p, CallContext call) {
        PageRequest request = CommonParameters.page(p);
        Page<PolicyVersion> versions =
                WholeListPaging.page(identities.listPolicyVersions(call, p.requiredString("PolicyArn")), request);
        return QueryResult.of(xml -> {
            xml.list("Versions", versions.items(), (member, version) -> IamShapes.policyVersion(member, version, false));
            IamShapes.pageEnd(xml, versions);
        });
    }

    private QueryResult deletePolicyVersion(QueryParameters p, CallContext call) {
        identities.deletePolicyVersion(call, p.requiredString("PolicyArn"), p.requiredString("VersionId"));
        return QueryResult.none();
    }

    private QueryResult setDefaultPolicyVersion(QueryParameters p, CallContext call) {
        identities.setDefaultPolicyVersion(call, p.requiredString("PolicyArn"), p.requiredString("VersionId"));
        return QueryResult.none();
    }

    private static QueryResult singlePolicy(PolicyInfo info) {
        return QueryResult.of(xml -> {
            xml.start("Policy");
            IamShapes.policy(xml, info);
            xml.end();
        });
    }

    private static QueryResult singleVersion(PolicyVersion version, boolean withDocument) {
        return QueryResult.of(xml -> {
            xml.start("PolicyVersion");
            IamShapes.policyVersion(xml, version, withDocument);
            xml.end();
        });
    }
}
