package io.strongroom.protocol.organizations;

import static io.strongroom.protocol.organizations.OrganizationsInputs.page;
import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.organizations.OrganizationsService;
import io.strongroom.protocol.json.JsonInput;
import io.strongroom.protocol.json.JsonOperationFamily;
import io.strongroom.protocol.json.JsonOperationTable;
import io.strongroom.protocol.json.JsonResult;

/** AttachPolicy, DetachPolicy, ListPoliciesForTarget, ListTargetsForPolicy. */
final class PolicyAttachmentActions implements JsonOperationFamily {
    private final OrganizationsService organizations;

    PolicyAttachmentActions(OrganizationsService organizations) {
        this.organizations = requireNonNull(organizations, "organizations");
    }

    @Override
    public void registerInto(JsonOperationTable table) {
        table.add("AttachPolicy", this::attachPolicy)
                .add("DetachPolicy", this::detachPolicy)
                .add("ListPoliciesForTarget", this::listPoliciesForTarget)
                .add("ListTargetsForPolicy", this::listTargetsForPolicy);
    }

    private JsonResult attachPolicy(JsonInput in, CallContext call) {
        String policyId = in.requiredString("PolicyId", OrganizationsInputs.POLICY_ID);
        String targetId = in.requiredString("TargetId", OrganizationsInputs.POLICY_TARGET_ID);
        organizations.attachPolicy(call, policyId, targetId);
        return JsonResult.none();
    }

    private JsonResult detachPolicy(JsonInput in, CallContext call) {
        String policyId = in.requiredString("PolicyId", OrganizationsInputs.POLICY_ID);
        String targetId = in.requiredString("TargetId", OrganizationsInputs.POLICY_TARGET_ID);
        organizations.detachPolicy(call, policyId, targetId);
        return JsonResult.none();
    }

    private JsonResult listPoliciesForTarget(JsonInput in, CallContext call) {
        String targetId = in.requiredString("TargetId", OrganizationsInputs.POLICY_TARGET_ID);
        String filter = in.requiredString("Filter", OrganizationsInputs.POLICY_TYPE);
        return OrganizationsShapes.page("Policies",
                organizations.listPoliciesForTarget(call, targetId, filter, page(in)),
                OrganizationsShapes::policySummary);
    }

    private JsonResult listTargetsForPolicy(JsonInput in, CallContext call) {
        String policyId = in.requiredString("PolicyId", OrganizationsInputs.POLICY_ID);
        return OrganizationsShapes.page("Targets", organizations.listTargetsForPolicy(call, policyId, page(in)),
                OrganizationsShapes::policyTarget);
    }
}
