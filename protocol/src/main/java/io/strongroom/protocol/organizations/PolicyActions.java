package io.strongroom.protocol.organizations;

import static io.strongroom.protocol.organizations.OrganizationsInputs.page;
import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.organizations.OrganizationsService;
import io.strongroom.protocol.json.JsonInput;
import io.strongroom.protocol.json.JsonOperationFamily;
import io.strongroom.protocol.json.JsonOperationTable;
import io.strongroom.protocol.json.JsonResult;
import java.util.Optional;

/** CreatePolicy, UpdatePolicy, DeletePolicy, DescribePolicy, ListPolicies. */
final class PolicyActions implements JsonOperationFamily {
    private final OrganizationsService organizations;

    PolicyActions(OrganizationsService organizations) {
        this.organizations = requireNonNull(organizations, "organizations");
    }

    @Override
    public void registerInto(JsonOperationTable table) {
        table.add("CreatePolicy", this::createPolicy)
                .add("UpdatePolicy", this::updatePolicy)
                .add("DeletePolicy", this::deletePolicy)
                .add("DescribePolicy", this::describePolicy)
                .add("ListPolicies", this::listPolicies);
    }

    private JsonResult createPolicy(JsonInput in, CallContext call) {
        String content = in.requiredString("Content", OrganizationsInputs.POLICY_CONTENT);
        String description = in.requiredString("Description", OrganizationsInputs.POLICY_DESCRIPTION);
        String name = in.requiredString("Name", OrganizationsInputs.POLICY_NAME);
        String type = in.requiredString("Type", OrganizationsInputs.POLICY_TYPE);
        OrganizationsInputs.refuseTags(in);
        return OrganizationsShapes.structure("Policy", organizations.createPolicy(call, content, description, name, type),
                OrganizationsShapes::policy);
    }

    private JsonResult updatePolicy(JsonInput in, CallContext call) {
        String policyId = in.requiredString("PolicyId", OrganizationsInputs.POLICY_ID);
        Optional<String> name = in.string("Name", OrganizationsInputs.POLICY_NAME);
        Optional<String> description = in.string("Description", OrganizationsInputs.POLICY_DESCRIPTION);
        Optional<String> content = in.string("Content", OrganizationsInputs.POLICY_CONTENT);
        return OrganizationsShapes.structure("Policy",
                organizations.updatePolicy(call, policyId, name, description, content), OrganizationsShapes::policy);
    }

    private JsonResult deletePolicy(JsonInput in, CallContext call) {
        organizations.deletePolicy(call, in.requiredString("PolicyId", OrganizationsInputs.POLICY_ID));
        return JsonResult.none();
    }

    private JsonResult describePolicy(JsonInput in, CallContext call) {
        String policyId = in.requiredString("PolicyId", OrganizationsInputs.POLICY_ID);
        return OrganizationsShapes.structure("Policy", organizations.describePolicy(call, policyId),
                OrganizationsShapes::policy);
    }

    private JsonResult listPolicies(JsonInput in, CallContext call) {
        String filter = in.requiredString("Filter", OrganizationsInputs.POLICY_TYPE);
        return OrganizationsShapes.page("Policies", organizations.listPolicies(call, filter, page(in)),
                OrganizationsShapes::policySummary);
    }
}
