"""IAM and STS through boto3, unmodified, against a real Strongroom server."""
import json
import uuid

import pytest
from botocore.exceptions import ClientError


def error_code(excinfo):
    return excinfo.value.response["Error"]["Code"]


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def allow(*actions, resource="*"):
    return json.dumps({"Version": "2012-10-17",
                       "Statement": [{"Effect": "Allow", "Action": list(actions), "Resource": resource}]})


@pytest.fixture(scope="module")
def iam(server):
    return server.client("iam")


@pytest.fixture(scope="module")
def account(server):
    return server.client("sts").get_caller_identity()["Account"]


def new_user_with_key(iam, name):
    iam.create_user(UserName=name)
    key = iam.create_access_key(UserName=name)["AccessKey"]
    return key["AccessKeyId"], key["SecretAccessKey"]


def test_admin_identity(server, account):
    identity = server.client("sts").get_caller_identity()
    assert identity["Arn"] == f"arn:aws:iam::{account}:user/admin"
    assert len(identity["Account"]) == 12 and identity["Account"].isdigit()
    assert identity["UserId"].startswith("AIDA")


def test_user_acts_only_within_its_policy(server, iam, account):
    name = unique("alice")
    key_id, secret = new_user_with_key(iam, name)
    iam.put_user_policy(UserName=name, PolicyName="list-only", PolicyDocument=allow("iam:ListUsers"))
    alice = server.client("iam", key_id, secret)

    users = [u["UserName"] for u in alice.list_users()["Users"]]
    assert name in users and "admin" in users

    with pytest.raises(ClientError) as denied:
        alice.create_user(UserName=unique("mallory"))
    assert error_code(denied) == "AccessDenied"
    assert denied.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
    message = denied.value.response["Error"]["Message"]
    assert f"arn:aws:iam::{account}:user/{name}" in message
    assert "iam:CreateUser" in message
    assert "no identity-based policy allows" in message

    caller = server.client("sts", key_id, secret).get_caller_identity()
    assert caller["Arn"] == f"arn:aws:iam::{account}:user/{name}"


def test_managed_policy_attached_to_a_group_grants_access(server, iam):
    user, group = unique("bob"), unique("analysts")
    key_id, secret = new_user_with_key(iam, user)
    policy_arn = iam.create_policy(PolicyName=unique("read-users"),
                                   PolicyDocument=allow("iam:GetUser", "iam:ListGroups"))["Policy"]["Arn"]
    iam.create_group(GroupName=group)
    iam.attach_group_policy(GroupName=group, PolicyArn=policy_arn)
    bob = server.client("iam", key_id, secret)

    with pytest.raises(ClientError) as denied:
        bob.get_user(UserName=user)
    assert error_code(denied) == "AccessDenied"

    iam.add_user_to_group(GroupName=group, UserName=user)
    assert bob.get_user(UserName=user)["User"]["UserName"] == user
    assert group in [g["GroupName"] for g in bob.list_groups()["Groups"]]


def test_explicit_deny_wins_over_allow(server, iam):
    name = unique("carol")
    key_id, secret = new_user_with_key(iam, name)
    iam.attach_user_policy(UserName=name, PolicyArn="arn:aws:iam::aws:policy/IAMReadOnlyAccess")
    iam.put_user_policy(UserName=name, PolicyName="no-list-roles", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Deny", "Action": "iam:ListRoles", "Resource": "*"}]}))
    carol = server.client("iam", key_id, secret)
    carol.list_users()
    with pytest.raises(ClientError) as denied:
        carol.list_roles()
    assert error_code(denied) == "AccessDenied"
    assert "explicit deny" in denied.value.response["Error"]["Message"]


def test_assume_role_with_external_id(server, iam, account):
    user, role = unique("dave"), unique("DataScientist")
    key_id, secret = new_user_with_key(iam, user)
    user_arn = f"arn:aws:iam::{account}:user/{user}"
    iam.put_user_policy(UserName=user, PolicyName="assume",
                        PolicyDocument=allow("sts:AssumeRole", resource=f"arn:aws:iam::{account}:role/{role}"))
    trust = {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": user_arn}, "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"sts:ExternalId": "bank-42"}}}]}
    role_arn = iam.create_role(RoleName=role, AssumeRolePolicyDocument=json.dumps(trust),
                               MaxSessionDuration=7200)["Role"]["Arn"]
    assert json.loads(json.dumps(iam.get_role(RoleName=role)["Role"]["AssumeRolePolicyDocument"])) == trust
    iam.put_role_policy(RoleName=role, PolicyName="list-roles", PolicyDocument=allow("iam:ListRoles"))
    dave_sts = server.client("sts", key_id, secret)

    with pytest.raises(ClientError) as no_external_id:
        dave_sts.assume_role(RoleArn=role_arn, RoleSessionName="s1")
    assert error_code(no_external_id) == "AccessDenied"

    with pytest.raises(ClientError) as too_long:
        dave_sts.assume_role(RoleArn=role_arn, RoleSessionName="s1", ExternalId="bank-42", DurationSeconds=7201)
    assert error_code(too_long) == "ValidationError"

    creds = dave_sts.assume_role(RoleArn=role_arn, RoleSessionName="notebook", ExternalId="bank-42",
                                 DurationSeconds=900)["Credentials"]
    assert creds["AccessKeyId"].startswith("ASIA")
    session = dict(key_id=creds["AccessKeyId"], secret=creds["SecretAccessKey"], token=creds["SessionToken"])

    caller = server.client("sts", **session).get_caller_identity()
    assert caller["Arn"] == f"arn:aws:sts::{account}:assumed-role/{role}/notebook"
    assert role in [r["RoleName"] for r in server.client("iam", **session).list_roles()["Roles"]]
    with pytest.raises(ClientError) as denied:
        server.client("iam", **session).list_users()
    assert error_code(denied) == "AccessDenied"

    with pytest.raises(ClientError) as no_token:
        server.client("sts", creds["AccessKeyId"], creds["SecretAccessKey"]).get_caller_identity()
    assert error_code(no_token) == "InvalidClientTokenId"


def test_bad_credentials_are_refused(server, iam):
    with pytest.raises(ClientError) as wrong_secret:
        server.client("sts", server.admin_key_id, "x" * 40).get_caller_identity()
    assert error_code(wrong_secret) == "SignatureDoesNotMatch"

    with pytest.raises(ClientError) as unknown_key:
        server.client("sts", "AKIA" + "Z" * 16, "x" * 40).get_caller_identity()
    assert error_code(unknown_key) == "InvalidClientTokenId"

    name = unique("erin")
    key_id, secret = new_user_with_key(iam, name)
    iam.update_access_key(UserName=name, AccessKeyId=key_id, Status="Inactive")
    with pytest.raises(ClientError) as inactive:
        server.client("sts", key_id, secret).get_caller_identity()
    assert error_code(inactive) == "InvalidClientTokenId"


def test_bad_input_changes_nothing(iam):
    name = unique("frank")
    with pytest.raises(ClientError) as malformed:
        iam.create_policy(PolicyName=name, PolicyDocument='{"Version": "2012-10-17", "Statement": [{"Effect": "Maybe"}]}')
    assert error_code(malformed) == "MalformedPolicyDocument"
    assert name not in [p["PolicyName"] for p in iam.list_policies(Scope="Local")["Policies"]]

    iam.create_user(UserName=name)
    with pytest.raises(ClientError) as duplicate:
        iam.create_user(UserName=name.upper())
    assert error_code(duplicate) == "EntityAlreadyExists"

    iam.create_access_key(UserName=name)
    with pytest.raises(ClientError) as conflict:
        iam.delete_user(UserName=name)
    assert error_code(conflict) == "DeleteConflict"
    assert iam.get_user(UserName=name)["User"]["UserName"] == name

    with pytest.raises(ClientError) as missing:
        iam.get_user(UserName=unique("nobody"))
    assert error_code(missing) == "NoSuchEntity"
    assert missing.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404
