package io.strongroom.protocol.organizations;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.organizations.OrganizationsService;
import io.strongroom.protocol.json.JsonInput;
import io.strongroom.protocol.json.JsonOperationFamily;
import io.strongroom.protocol.json.JsonOperationTable;
import io.strongroom.protocol.json.JsonResult;

/** EnablePolicyType and DisablePolicyType on the root; both answer the root as it is afterwards. */
final class PolicyTypeActions implements JsonOperationFamily {
    private final OrganizationsService organizations;

    PolicyTypeActions(OrganizationsService organizations) {
        this.organizations = requireNonNull(organizations, "organizations");
    }

    @Override
    public void registerInto(JsonOperationTable table) {
        table.add("EnablePolicyType", this::enablePolicyType)
                .add("DisablePolicyType", this::disablePolicyType);
    }

    private JsonResult enablePolicyType(JsonInput in, CallContext call) {
        String rootId = in.requiredString("RootId", OrganizationsInputs.ROOT_ID);
        String policyType = in.requiredString("PolicyType", OrganizationsInputs.POLICY_TYPE);
        return OrganizationsShapes.structure("Root", organizations.enablePolicyType(call, rootId, policyType),
                OrganizationsShapes::root);
    }

    private JsonResult disablePolicyType(JsonInput in, CallContext call) {
        String rootId = in.requiredString("RootId", OrganizationsInputs.ROOT_ID);
        String policyType = in.requiredString("PolicyType", OrganizationsInputs.POLICY_TYPE);
        return OrganizationsShapes.structure("Root", organizations.disablePolicyType(call, rootId, policyType),
                OrganizationsShapes::root);
    }
}
