package io.strongroom.protocol.support;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.ServiceHandler;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls every IAM Action the handler accepts, in an order that makes each one succeed, against the
 * real identity service; keeps each response by Action.
 */
public final class IamScenario {
    public static final String VERSION = "2010-05-08";
    public static final String POLICY_ARN = "arn:aws:iam::" + Requests.ACCOUNT + ":policy/readers/Readers";
    public static final String POLICY_DOCUMENT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::data/*\"}]}";
    public static final String TRUST_DOCUMENT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + Requests.ACCOUNT + ":root\"},\"Action\":[\"sts:AssumeRole\",\"sts:SetSourceIdentity\"]}]}";

    private final ServiceHandler handler;
    private final CallContext call;
    private final Map<String, ApiResponse> responses = new LinkedHashMap<>();

    public IamScenario(ServiceHandler handler, CallContext call) {
        this.handler = handler;
        this.call = call;
    }

    /** Performs one call; a failure is reported with the error the client would see. */
    public ApiResponse call(String action, String... nameValues) {
        ApiRequest request = Requests.post(action, VERSION, nameValues);
        ApiResponse response;
        try {
            response = handler.handle(request, call);
        } catch (AwsException e) {
            response = handler.renderError(request, e);
        }
        if (response.status() != 200) {
            throw new AssertionError(action + " failed: " + new String(response.body(), StandardCharsets.UTF_8));
        }
        responses.put(action, response);
        return response;
    }

    public Map<String, ApiResponse> runAll() {
        call("CreatePolicy", "PolicyName", "Readers", "Path", "/readers/", "PolicyDocument", POLICY_DOCUMENT,
                "Description", "read the data bucket");
        call("GetPolicy", "PolicyArn", POLICY_ARN);
        call("CreatePolicyVersion", "PolicyArn", POLICY_ARN, "PolicyDocument", POLICY_DOCUMENT);
        call("GetPolicyVersion", "PolicyArn", POLICY_ARN, "VersionId", "v1");
        call("SetDefaultPolicyVersion", "PolicyArn", POLICY_ARN, "VersionId", "v2");
        call("ListPolicyVersions", "PolicyArn", POLICY_ARN);
        call("ListPolicies", "Scope", "Local");

        call("CreateUser", "UserName", "alice", "Path", "/team/", "Tags.member.1.Key", "dept",
                "Tags.member.1.Value", "risk");
        call("GetUser", "UserName", "alice");
        call("ListUsers");
        call("UpdateUser", "UserName", "alice", "NewPath", "/eng/");

        call("CreateGroup", "GroupName", "analysts");
        call("AddUserToGroup", "GroupName", "analysts", "UserName", "alice");
        call("GetGroup", "GroupName", "analysts");
        call("ListGroups");
        call("ListGroupsForUser", "UserName", "alice");

        call("CreateRole", "RoleName", "analyst", "AssumeRolePolicyDocument", TRUST_DOCUMENT,
                "Description", "analysts' role", "Tags.member.1.Key", "tier", "Tags.member.1.Value", "gold");
        call("GetRole", "RoleName", "analyst");
        call("ListRoles");
        call("UpdateRole", "RoleName", "analyst", "MaxSessionDuration", "7200");
        call("UpdateAssumeRolePolicy", "RoleName", "analyst", "PolicyDocument", TRUST_DOCUMENT);

        ApiResponse created = call("CreateAccessKey", "UserName", "alice");
        String keyId = Xml.text(created, "/CreateAccessKeyResponse/CreateAccessKeyResult/AccessKey/AccessKeyId");
        call("ListAccessKeys", "UserName", "alice");
        call("UpdateAccessKey", "UserName", "alice", "AccessKeyId", keyId, "Status", "Inactive");
        call("GetAccessKeyLastUsed", "AccessKeyId", keyId);

        for (String[] kind : new String[][] {{"User", "UserName", "alice"}, {"Group", "GroupName", "analysts"},
                {"Role", "RoleName", "analyst"}}) {
            call("Put" + kind[0] + "Policy", kind[1], kind[2], "PolicyName", "inline", "PolicyDocument", POLICY_DOCUMENT);
            call("Get" + kind[0] + "Policy", kind[1], kind[2], "PolicyName", "inline");
            call("List" + kind[0] + "Policies", kind[1], kind[2]);
            call("Attach" + kind[0] + "Policy", kind[1], kind[2], "PolicyArn", POLICY_ARN);
            call("ListAttached" + kind[0] + "Policies", kind[1], kind[2]);
        }
        for (String[] kind : new String[][] {{"User", "UserName", "alice"}, {"Role", "RoleName", "analyst"}}) {
            call("Tag" + kind[0], kind[1], kind[2], "Tags.member.1.Key", "project", "Tags.member.1.Value", "atlas");
            call("List" + kind[0] + "Tags", kind[1], kind[2]);
            call("Untag" + kind[0], kind[1], kind[2], "TagKeys.member.1", "project");
            call("Put" + kind[0] + "PermissionsBoundary", kind[1], kind[2], "PermissionsBoundary", POLICY_ARN);
        }
        call("GetAccountAuthorizationDetails");
        String aliceArn = "arn:aws:iam::" + Requests.ACCOUNT + ":user/eng/alice";
        call("SimulatePrincipalPolicy", "PolicySourceArn", aliceArn, "ActionNames.member.1", "s3:GetObject",
                "ResourceArns.member.1", "arn:aws:s3:::data/report.csv");
        call("SimulateCustomPolicy", "PolicyInputList.member.1", POLICY_DOCUMENT, "ActionNames.member.1",
                "s3:PutObject", "ContextEntries.member.1.ContextKeyName", "aws:SourceIp",
                "ContextEntries.member.1.ContextKeyValues.member.1", "10.0.0.1",
                "ContextEntries.member.1.ContextKeyType", "ip");

        for (String[] kind : new String[][] {{"User", "UserName", "alice"}, {"Role", "RoleName", "analyst"}}) {
            call("Delete" + kind[0] + "PermissionsBoundary", kind[1], kind[2]);
        }
        for (String[] kind : new String[][] {{"User", "UserName", "alice"}, {"Group", "GroupName", "analysts"},
                {"Role", "RoleName", "analyst"}}) {
            call("Detach" + kind[0] + "Policy", kind[1], kind[2], "PolicyArn", POLICY_ARN);
            call("Delete" + kind[0] + "Policy", kind[1], kind[2], "PolicyName", "inline");
        }
        call("DeleteAccessKey", "UserName", "alice", "AccessKeyId", keyId);
        call("RemoveUserFromGroup", "GroupName", "analysts", "UserName", "alice");
        call("DeleteGroup", "GroupName", "analysts");
        call("DeleteRole", "RoleName", "analyst");
        call("DeleteUser", "UserName", "alice");
        call("DeletePolicyVersion", "PolicyArn", POLICY_ARN, "VersionId", "v1");
        call("DeletePolicy", "PolicyArn", POLICY_ARN);
        return responses;
    }
}
