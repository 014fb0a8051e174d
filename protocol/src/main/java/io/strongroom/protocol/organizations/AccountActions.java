package io.strongroom.protocol.organizations;

import static io.strongroom.protocol.organizations.OrganizationsInputs.page;
import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.organizations.OrganizationsService;
import io.strongroom.protocol.json.JsonInput;
import io.strongroom.protocol.json.JsonOperationFamily;
import io.strongroom.protocol.json.JsonOperationTable;
import io.strongroom.protocol.json.JsonResult;
import java.util.List;
import java.util.Optional;

/**
 * DescribeOrganization, CreateAccount, DescribeCreateAccountStatus, ListCreateAccountStatus,
 * ListAccounts, ListAccountsForParent, DescribeAccount.
 */
final class AccountActions implements JsonOperationFamily {
    private final OrganizationsService organizations;

    AccountActions(OrganizationsService organizations) {
        this.organizations = requireNonNull(organizations, "organizations");
    }

    @Override
    public void registerInto(JsonOperationTable table) {
        table.add("DescribeOrganization", this::describeOrganization)
                .add("CreateAccount", this::createAccount)
                .add("DescribeCreateAccountStatus", this::describeCreateAccountStatus)
                .add("ListCreateAccountStatus", this::listCreateAccountStatus)
                .add("ListAccounts", this::listAccounts)
                .add("ListAccountsForParent", this::listAccountsForParent)
                .add("DescribeAccount", this::describeAccount);
    }

    private JsonResult describeOrganization(JsonInput in, CallContext call) {
        return OrganizationsShapes.structure("Organization", organizations.describeOrganization(call),
                OrganizationsShapes::organization);
    }

    /** RoleName and IamUserAccessToBilling go to the service, which checks and uses them; tags are refused. */
    private JsonResult createAccount(JsonInput in, CallContext call) {
        String email = in.requiredString("Email", OrganizationsInputs.EMAIL);
        String accountName = in.requiredString("AccountName", OrganizationsInputs.CREATE_ACCOUNT_NAME);
        Optional<String> roleName = in.string("RoleName", OrganizationsInputs.ROLE_NAME);
        Optional<String> billing = in.string("IamUserAccessToBilling", OrganizationsInputs.IAM_USER_ACCESS_TO_BILLING);
        OrganizationsInputs.refuseTags(in);
        return OrganizationsShapes.structure("CreateAccountStatus",
                organizations.createAccount(call, email, accountName, roleName, billing),
                OrganizationsShapes::createAccountStatus);
    }

    private JsonResult describeCreateAccountStatus(JsonInput in, CallContext call) {
        String requestId = in.requiredString("CreateAccountRequestId", OrganizationsInputs.CREATE_ACCOUNT_REQUEST_ID);
        return OrganizationsShapes.structure("CreateAccountStatus",
                organizations.describeCreateAccountStatus(call, requestId), OrganizationsShapes::createAccountStatus);
    }

    private JsonResult listCreateAccountStatus(JsonInput in, CallContext call) {
        List<String> states = in.stringList("States", 0, Integer.MAX_VALUE, OrganizationsInputs.CREATE_ACCOUNT_STATE);
        return OrganizationsShapes.page("CreateAccountStatuses",
                organizations.listCreateAccountStatus(call, states, page(in)), OrganizationsShapes::createAccountStatus);
    }

    private JsonResult listAccounts(JsonInput in, CallContext call) {
        return OrganizationsShapes.page("Accounts", organizations.listAccounts(call, page(in)),
                OrganizationsShapes::account);
    }

    private JsonResult listAccountsForParent(JsonInput in, CallContext call) {
        String parentId = in.requiredString("ParentId", OrganizationsInputs.PARENT_ID);
        return OrganizationsShapes.page("Accounts", organizations.listAccountsForParent(call, parentId, page(in)),
                OrganizationsShapes::account);
    }

    private JsonResult describeAccount(JsonInput in, CallContext call) {
        String accountId = in.requiredString("AccountId", OrganizationsInputs.ACCOUNT_ID);
        return OrganizationsShapes.structure("Account", organizations.describeAccount(call, accountId),
                OrganizationsShapes::account);
    }
}
