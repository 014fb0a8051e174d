"""The AWS CLI v2, unmodified, against a real Strongroom server."""
import json
import uuid

import pytest

from conftest import aws_cli_path

pytestmark = pytest.mark.skipif(aws_cli_path() is None, reason="AWS CLI v2 is not installed")


def test_cli_identity_users_and_access_denied(server):
    _, identity = server.aws_cli("sts", "get-caller-identity")
    assert identity["Arn"].endswith(":user/admin")

    name = f"cli-{uuid.uuid4().hex[:8]}"
    _, created = server.aws_cli("iam", "create-user", "--user-name", name, "--tags", "Key=team,Value=risk")
    assert created["User"]["UserName"] == name
    _, listed = server.aws_cli("iam", "list-users")
    assert name in [u["UserName"] for u in listed["Users"]]
    _, tags = server.aws_cli("iam", "list-user-tags", "--user-name", name)
    assert tags["Tags"] == [{"Key": "team", "Value": "risk"}]

    _, key = server.aws_cli("iam", "create-access-key", "--user-name", name)
    key_id, secret = key["AccessKey"]["AccessKeyId"], key["AccessKey"]["SecretAccessKey"]
    server.aws_cli("iam", "put-user-policy", "--user-name", name, "--policy-name", "whoami",
                   "--policy-document", json.dumps({"Version": "2012-10-17", "Statement": [
                       {"Effect": "Allow", "Action": "iam:GetUser", "Resource": "arn:aws:iam::*:user/${aws:username}"}]}))

    _, me = server.aws_cli("iam", "get-user", "--user-name", name, key_id=key_id, secret=secret)
    assert me["User"]["UserName"] == name

    code, stderr = server.aws_cli("iam", "get-user", "--user-name", "admin", key_id=key_id, secret=secret, check=False)
    assert code != 0
    assert "AccessDenied" in stderr

    code, stderr = server.aws_cli("iam", "create-policy", "--policy-name", "bad", "--policy-document", "{not json",
                                  check=False)
    assert code != 0 and "MalformedPolicyDocument" in stderr
