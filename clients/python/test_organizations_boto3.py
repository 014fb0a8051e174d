"""Organizations and service control policies through boto3 and the AWS CLI, against a real server."""
import json
import subprocess
import time
import uuid

import pytest
from botocore.exceptions import ClientError

from conftest import ROOT, aws_cli_path


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def error_code(excinfo):
    return excinfo.value.response["Error"]["Code"]


DENY_CREATE_USER = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{
        "Sid": "NoNewUsers",
        "Effect": "Deny",
        "Action": "iam:CreateUser",
        "Resource": "*",
        "Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/BreakGlass*"}},
    }],
})


@pytest.fixture(scope="module")
def orgs(server):
    return server.client("organizations")


@pytest.fixture(scope="module")
def member(server, orgs):
    """A new member account, created as an administrator of the management account would."""
    status = orgs.create_account(Email=f"{unique('team')}@example.com", AccountName=unique("team"))
    request_id = status["CreateAccountStatus"]["Id"]
    for _ in range(50):
        status = orgs.describe_create_account_status(CreateAccountRequestId=request_id)["CreateAccountStatus"]
        if status["State"] != "IN_PROGRESS":
            break
        time.sleep(0.1)
    assert status["State"] == "SUCCEEDED"
    return status["AccountId"]


def assume(server, role_arn, key_id=None, secret=None, token=None):
    credentials = server.client("sts", key_id, secret, token).assume_role(
        RoleArn=role_arn, RoleSessionName=unique("session"))["Credentials"]
    return credentials["AccessKeyId"], credentials["SecretAccessKey"], credentials["SessionToken"]


def test_organization_and_root_with_full_access(orgs, server):
    organization = orgs.describe_organization()["Organization"]
    account = server.client("sts").get_caller_identity()["Account"]
    assert organization["Id"].startswith("o-")
    assert organization["MasterAccountId"] == account

    root = orgs.list_roots()["Roots"][0]
    assert root["Id"].startswith("r-")
    attached = orgs.list_policies_for_target(TargetId=root["Id"], Filter="SERVICE_CONTROL_POLICY")["Policies"]
    assert [p["Name"] for p in attached] == ["FullAWSAccess"]


def test_scp_denies_member_account_administrator_except_break_glass(server, orgs, member):
    policy = orgs.create_policy(Name=unique("no-new-users"), Description="No IAM users in team accounts",
                                Type="SERVICE_CONTROL_POLICY", Content=DENY_CREATE_USER)["Policy"]
    policy_id = policy["PolicySummary"]["Id"]
    orgs.attach_policy(PolicyId=policy_id, TargetId=member)
    targets = orgs.list_targets_for_policy(PolicyId=policy_id)["Targets"]
    assert [t["TargetId"] for t in targets] == [member]

    # The management account reaches the member account through the role CreateAccount made.
    admin_session = assume(server, f"arn:aws:iam::{member}:role/OrganizationAccountAccessRole")
    member_iam = server.client("iam", *admin_session)
    member_iam.list_users()  # AdministratorAccess still works where the SCP is silent

    with pytest.raises(ClientError) as denied:
        member_iam.create_user(UserName=unique("shadow"))
    assert error_code(denied) == "AccessDenied"
    assert "with an explicit deny in a service control policy" in denied.value.response["Error"]["Message"]

    # The exemption the SCP names: a break-glass role in the member account.
    trust = json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{member}:root"}, "Action": "sts:AssumeRole"}]})
    member_iam.create_role(RoleName="BreakGlassAdmin", AssumeRolePolicyDocument=trust)
    member_iam.attach_role_policy(RoleName="BreakGlassAdmin",
                                  PolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")
    break_glass = assume(server, f"arn:aws:iam::{member}:role/BreakGlassAdmin", *admin_session)
    name = unique("emergency")
    server.client("iam", *break_glass).create_user(UserName=name)
    assert name in [u["UserName"] for u in member_iam.list_users()["Users"]]

    # SCPs never bind the management account.
    own = unique("mgmt-user")
    server.client("iam").create_user(UserName=own)
    server.client("iam").delete_user(UserName=own)


def test_bad_input_is_refused_and_changes_nothing(orgs, member):
    root_id = orgs.list_roots()["Roots"][0]["Id"]
    with pytest.raises(ClientError) as unknown_target:
        orgs.attach_policy(PolicyId="p-FullAWSAccess", TargetId="ou-zzzz-zzzzzzzz")
    assert error_code(unknown_target) == "TargetNotFoundException"

    with pytest.raises(ClientError) as last_scp:
        orgs.detach_policy(PolicyId="p-FullAWSAccess", TargetId=root_id)
    assert error_code(last_scp) == "ConstraintViolationException"
    attached = orgs.list_policies_for_target(TargetId=root_id, Filter="SERVICE_CONTROL_POLICY")["Policies"]
    assert "FullAWSAccess" in [p["Name"] for p in attached]

    with pytest.raises(ClientError) as malformed:
        orgs.create_policy(Name=unique("bad"), Description="", Type="SERVICE_CONTROL_POLICY", Content="{not json")
    assert error_code(malformed) == "MalformedPolicyDocumentException"


@pytest.mark.skipif(aws_cli_path() is None, reason="AWS CLI v2 is not installed")
def test_cli_organizations_and_ou_tree(server, member):
    _, roots = server.aws_cli("organizations", "list-roots")
    root_id = roots["Roots"][0]["Id"]
    _, ou = server.aws_cli("organizations", "create-organizational-unit", "--parent-id", root_id,
                           "--name", unique("research"))
    ou_id = ou["OrganizationalUnit"]["Id"]
    server.aws_cli("organizations", "move-account", "--account-id", member,
                   "--source-parent-id", root_id, "--destination-parent-id", ou_id)
    _, parents = server.aws_cli("organizations", "list-parents", "--child-id", member)
    assert parents["Parents"] == [{"Id": ou_id, "Type": "ORGANIZATIONAL_UNIT"}]

    code, error = server.aws_cli("organizations", "delete-organizational-unit", "--organizational-unit-id", ou_id,
                                 check=False)
    assert code != 0 and "OrganizationalUnitNotEmptyException" in error
    server.aws_cli("organizations", "move-account", "--account-id", member,
                   "--source-parent-id", ou_id, "--destination-parent-id", root_id)
    server.aws_cli("organizations", "delete-organizational-unit", "--organizational-unit-id", ou_id)


def explain(server, *args):
    """Runs `strongroom explain` against the running server's store and returns its output."""
    result = subprocess.run([str(ROOT / "strongroom"), "explain", "--data-dir", str(server.data_dir / "data"), *args],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_explain_names_every_policy_type_that_decided(server, orgs, member):
    iam = server.client("iam")
    name = unique("analyst")
    iam.create_user(UserName=name)
    iam.put_user_policy(UserName=name, PolicyName="office", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [
            {"Sid": "ReadFromOffice", "Effect": "Allow", "Action": "iam:Get*", "Resource": "*",
             "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}},
            {"Sid": "NeverDelete", "Effect": "Deny", "Action": "iam:Delete*", "Resource": "*"}]}))
    account = server.client("sts").get_caller_identity()["Account"]
    user_arn = f"arn:aws:iam::{account}:user/{name}"

    allowed = explain(server, "--principal", user_arn, "--action", "iam:GetUser", "--resource", user_arn,
                      "--context", "aws:SourceIp=10.1.2.3")
    assert "iam:GetUser on " + user_arn + ": allowed" in allowed
    assert "ReadFromOffice" in allowed

    denied = explain(server, "--principal", user_arn, "--action", "iam:DeleteUser", "--resource", user_arn)
    assert "with an explicit deny in an identity-based policy" in denied
    assert "NeverDelete" in denied

    # The member account's root, under the SCP chain the organization gives it.
    scp = orgs.create_policy(Name=unique("no-groups"), Description="", Type="SERVICE_CONTROL_POLICY",
                             Content=json.dumps({"Version": "2012-10-17", "Statement": [{
                                 "Sid": "NoGroups", "Effect": "Deny", "Action": "iam:CreateGroup",
                                 "Resource": "*"}]}))["Policy"]["PolicySummary"]
    orgs.attach_policy(PolicyId=scp["Id"], TargetId=member)
    try:
        scp_denied = explain(server, "--principal", f"arn:aws:iam::{member}:root", "--action", "iam:CreateGroup",
                             "--resource", f"arn:aws:iam::{member}:group/g")
        assert "with an explicit deny in a service control policy" in scp_denied
        assert scp["Arn"] in scp_denied and "NoGroups" in scp_denied
    finally:
        orgs.detach_policy(PolicyId=scp["Id"], TargetId=member)
