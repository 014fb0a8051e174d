"""The AWS CLI v2, unmodified, against Strongroom's object store: `aws s3` for files and folders,
`aws s3api` for single calls, `aws s3 presign` fetched with curl."""
import datetime
import filecmp
import json
import os
import pathlib
import subprocess
import uuid

import pytest

from conftest import REGION, aws_cli_path

pytestmark = pytest.mark.skipif(aws_cli_path() is None, reason="AWS CLI v2 is not installed")


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def aws_plain(server, *args, check=True):
    """Runs the AWS CLI v2 as a user types it; returns (exit code, stdout or stderr)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_ACCESS_KEY_ID=server.admin_key_id, AWS_SECRET_ACCESS_KEY=server.admin_secret,
               AWS_DEFAULT_REGION=REGION, AWS_PAGER="",
               AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null")
    result = subprocess.run([aws_cli_path(), "--endpoint-url", server.endpoint, *args],
                            capture_output=True, text=True, env=env, timeout=300)
    if check and result.returncode != 0:
        raise AssertionError(f"aws {' '.join(args)} failed: {result.stderr}")
    return result.returncode, (result.stdout if result.returncode == 0 else result.stderr)


def write_random(path, size):
    path.write_bytes(os.urandom(size))
    return path


def test_files_and_folders_round_trip(server, tmp_path):
    bucket = unique("cli-files")
    aws_plain(server, "s3", "mb", f"s3://{bucket}")
    _, listing = aws_plain(server, "s3", "ls")
    assert bucket in listing

    single = write_random(tmp_path / "model.bin", 3 * 1024 * 1024 + 11)
    aws_plain(server, "s3", "cp", str(single), f"s3://{bucket}/models/model.bin")
    back = tmp_path / "back.bin"
    aws_plain(server, "s3", "cp", f"s3://{bucket}/models/model.bin", str(back))
    assert filecmp.cmp(single, back, shallow=False)

    folder = tmp_path / "dataset"
    (folder / "part").mkdir(parents=True)
    for i in range(5):
        write_random(folder / f"file-{i}.csv", 1000 + i)
    write_random(folder / "part" / "nested.csv", 77)
    aws_plain(server, "s3", "sync", str(folder), f"s3://{bucket}/dataset")
    _, recursive = aws_plain(server, "s3", "ls", "--recursive", f"s3://{bucket}/dataset/")
    assert sorted(line.split()[-1] for line in recursive.splitlines()) == sorted(
        [f"dataset/file-{i}.csv" for i in range(5)] + ["dataset/part/nested.csv"])
    # a second sync finds nothing to copy
    _, again = aws_plain(server, "s3", "sync", str(folder), f"s3://{bucket}/dataset")
    assert "upload:" not in again

    restored = tmp_path / "restored"
    aws_plain(server, "s3", "sync", f"s3://{bucket}/dataset", str(restored))
    assert filecmp.cmp(folder / "part" / "nested.csv", restored / "part" / "nested.csv", shallow=False)

    aws_plain(server, "s3", "rm", "--recursive", f"s3://{bucket}/")
    _, empty = aws_plain(server, "s3", "ls", "--recursive", f"s3://{bucket}/")
    assert empty.strip() == ""
    aws_plain(server, "s3", "rb", f"s3://{bucket}")
    code, error = aws_plain(server, "s3", "ls", f"s3://{bucket}/", check=False)
    assert code != 0 and "NoSuchBucket" in error


def test_s3api_reports_encryption_and_metadata(server, tmp_path):
    bucket = unique("cli-api")
    server.aws_cli("s3api", "create-bucket", "--bucket", bucket)
    body = write_random(tmp_path / "body.bin", 4096)
    _, put = server.aws_cli("s3api", "put-object", "--bucket", bucket, "--key", "a/b.bin", "--body", str(body),
                            "--metadata", "owner=team-a,purpose=training", "--content-type", "application/x-test")
    assert put["ServerSideEncryption"] == "AES256"
    _, head = server.aws_cli("s3api", "head-object", "--bucket", bucket, "--key", "a/b.bin")
    assert head["ContentLength"] == 4096
    assert head["ContentType"] == "application/x-test"
    assert head["Metadata"] == {"owner": "team-a", "purpose": "training"}
    assert head["ETag"] == put["ETag"]

    _, key = server.aws_cli("kms", "create-key", "--description", "cli s3")
    key_arn = key["KeyMetadata"]["Arn"]
    _, kms_put = server.aws_cli("s3api", "put-object", "--bucket", bucket, "--key", "secret.bin",
                                "--body", str(body), "--server-side-encryption", "aws:kms",
                                "--ssekms-key-id", key_arn)
    assert kms_put["ServerSideEncryption"] == "aws:kms"
    assert kms_put["SSEKMSKeyId"] == key_arn
    out = tmp_path / "secret.out"
    server.aws_cli("s3api", "get-object", "--bucket", bucket, "--key", "secret.bin", str(out))
    assert out.read_bytes() == body.read_bytes()

    code, error = server.aws_cli("s3api", "get-object", "--bucket", bucket, "--key", "missing", str(out),
                                 check=False)
    assert code != 0 and "NoSuchKey" in error


def test_presigned_url_fetched_with_curl(server, tmp_path):
    bucket = unique("cli-presign")
    aws_plain(server, "s3", "mb", f"s3://{bucket}")
    report = write_random(tmp_path / "report.pdf", 12345)
    aws_plain(server, "s3", "cp", str(report), f"s3://{bucket}/reports/q3.pdf")
    _, url = aws_plain(server, "s3", "presign", f"s3://{bucket}/reports/q3.pdf", "--expires-in", "300")
    fetched = tmp_path / "fetched.pdf"
    result = subprocess.run(["curl", "-sS", "-f", "-o", str(fetched), url.strip()], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert fetched.read_bytes() == report.read_bytes()
    tampered = url.strip().replace("q3.pdf", "q4.pdf")
    status = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", tampered],
                            capture_output=True, text=True, timeout=60).stdout
    assert status == "403"


def test_a_100_mib_file_goes_up_and_down_in_parts(server, tmp_path):
    """Above 8 MiB the CLI uploads in parts (with its default CRC checksums) and downloads by ranges."""
    bucket = unique("cli-large")
    aws_plain(server, "s3", "mb", f"s3://{bucket}")
    large = write_random(tmp_path / "weights.bin", 100 * 1024 * 1024)
    aws_plain(server, "s3", "cp", str(large), f"s3://{bucket}/models/weights.bin")
    _, head = server.aws_cli("s3api", "head-object", "--bucket", bucket, "--key", "models/weights.bin")
    assert head["ContentLength"] == 100 * 1024 * 1024
    assert head["ETag"].strip('"').endswith("-13")  # 13 parts of 8 MiB, as the CLI cuts them
    back = tmp_path / "weights.back"
    aws_plain(server, "s3", "cp", f"s3://{bucket}/models/weights.bin", str(back))
    assert filecmp.cmp(large, back, shallow=False)
    _, uploads = server.aws_cli("s3api", "list-multipart-uploads", "--bucket", bucket)
    assert not uploads.get("Uploads")


def test_s3api_versioning_tagging_policy_and_public_access(server, tmp_path):
    bucket = unique("cli-governed")
    server.aws_cli("s3api", "create-bucket", "--bucket", bucket)
    server.aws_cli("s3api", "put-bucket-versioning", "--bucket", bucket,
                   "--versioning-configuration", "Status=Enabled")
    _, versioning = server.aws_cli("s3api", "get-bucket-versioning", "--bucket", bucket)
    assert versioning["Status"] == "Enabled"
    first = write_random(tmp_path / "v1.bin", 100)
    second = write_random(tmp_path / "v2.bin", 200)
    _, v1 = server.aws_cli("s3api", "put-object", "--bucket", bucket, "--key", "model.bin", "--body", str(first),
                           "--tagging", "classification=restricted")
    server.aws_cli("s3api", "put-object", "--bucket", bucket, "--key", "model.bin", "--body", str(second))
    _, versions = server.aws_cli("s3api", "list-object-versions", "--bucket", bucket)
    assert len(versions["Versions"]) == 2
    out = tmp_path / "old.bin"
    server.aws_cli("s3api", "get-object", "--bucket", bucket, "--key", "model.bin", "--version-id",
                   v1["VersionId"], str(out))
    assert out.read_bytes() == first.read_bytes()
    _, tags = server.aws_cli("s3api", "get-object-tagging", "--bucket", bucket, "--key", "model.bin",
                             "--version-id", v1["VersionId"])
    assert tags["TagSet"] == [{"Key": "classification", "Value": "restricted"}]

    # Block Public Access is on for a new bucket: a public policy is refused
    _, block = server.aws_cli("s3api", "get-public-access-block", "--bucket", bucket)
    assert all(block["PublicAccessBlockConfiguration"].values())
    public = ('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*",'
              f'"Action":"s3:GetObject","Resource":"arn:aws:s3:::{bucket}/*"}}]}}')
    code, error = server.aws_cli("s3api", "put-bucket-policy", "--bucket", bucket, "--policy", public, check=False)
    assert code != 0 and "AccessDenied" in error and "BlockPublicPolicy" in error
    deny = ('{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*",'
            f'"Action":"s3:DeleteObjectVersion","Resource":"arn:aws:s3:::{bucket}/*"}}]}}')
    server.aws_cli("s3api", "put-bucket-policy", "--bucket", bucket, "--policy", deny)
    _, status = server.aws_cli("s3api", "get-bucket-policy-status", "--bucket", bucket)
    assert status["PolicyStatus"]["IsPublic"] is False
    code, error = server.aws_cli("s3api", "delete-object", "--bucket", bucket, "--key", "model.bin",
                                 "--version-id", v1["VersionId"], check=False)
    assert code != 0 and "AccessDenied" in error

    # ACLs are disabled on a new bucket
    _, ownership = server.aws_cli("s3api", "get-bucket-ownership-controls", "--bucket", bucket)
    assert ownership["OwnershipControls"]["Rules"] == [{"ObjectOwnership": "BucketOwnerEnforced"}]
    code, error = server.aws_cli("s3api", "put-object", "--bucket", bucket, "--key", "open.bin", "--body",
                                 str(first), "--acl", "public-read", check=False)
    assert code != 0 and "AccessControlListNotSupported" in error


def test_s3api_object_lock(server, tmp_path):
    bucket = unique("cli-lock")
    server.aws_cli("s3api", "create-bucket", "--bucket", bucket, "--object-lock-enabled-for-bucket")
    _, versioning = server.aws_cli("s3api", "get-bucket-versioning", "--bucket", bucket)
    assert versioning["Status"] == "Enabled"
    rule = {"DefaultRetention": {"Mode": "GOVERNANCE", "Days": 1}}
    server.aws_cli("s3api", "put-object-lock-configuration", "--bucket", bucket, "--object-lock-configuration",
                   json.dumps({"ObjectLockEnabled": "Enabled", "Rule": rule}))
    _, configuration = server.aws_cli("s3api", "get-object-lock-configuration", "--bucket", bucket)
    assert configuration["ObjectLockConfiguration"] == {"ObjectLockEnabled": "Enabled", "Rule": rule}
    code, error = server.aws_cli("s3api", "put-object-lock-configuration", "--bucket", bucket,
                                 "--object-lock-configuration", json.dumps({"ObjectLockEnabled": "Enabled", "Rule": {
                                     "DefaultRetention": {"Mode": "GOVERNANCE", "Days": 0}}}), check=False)
    assert code != 0 and "InvalidArgument" in error
    _, unchanged = server.aws_cli("s3api", "get-object-lock-configuration", "--bucket", bucket)
    assert unchanged["ObjectLockConfiguration"]["Rule"] == rule

    # COMPLIANCE: extended, never shortened nor deleted, not even by the administrator
    body = write_random(tmp_path / "ledger.csv", 2048)
    until = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=2)).replace(microsecond=0)
    _, put = server.aws_cli("s3api", "put-object", "--bucket", bucket, "--key", "ledger.csv", "--body", str(body),
                            "--checksum-algorithm", "CRC32", "--object-lock-mode", "COMPLIANCE",
                            "--object-lock-retain-until-date", until.isoformat())
    version = put["VersionId"]
    _, head = server.aws_cli("s3api", "head-object", "--bucket", bucket, "--key", "ledger.csv")
    assert head["ObjectLockMode"] == "COMPLIANCE"
    assert datetime.datetime.fromisoformat(head["ObjectLockRetainUntilDate"]) == until
    code, error = server.aws_cli("s3api", "delete-object", "--bucket", bucket, "--key", "ledger.csv",
                                 "--version-id", version, "--bypass-governance-retention", check=False)
    assert code != 0 and "AccessDenied" in error
    shorter = (until - datetime.timedelta(days=1)).isoformat()
    code, error = server.aws_cli("s3api", "put-object-retention", "--bucket", bucket, "--key", "ledger.csv",
                                 "--version-id", version, "--bypass-governance-retention", "--retention",
                                 json.dumps({"Mode": "COMPLIANCE", "RetainUntilDate": shorter}), check=False)
    assert code != 0 and "AccessDenied" in error
    later = until + datetime.timedelta(days=1)
    server.aws_cli("s3api", "put-object-retention", "--bucket", bucket, "--key", "ledger.csv", "--version-id", version,
                   "--retention", json.dumps({"Mode": "COMPLIANCE", "RetainUntilDate": later.isoformat()}))
    _, retention = server.aws_cli("s3api", "get-object-retention", "--bucket", bucket, "--key", "ledger.csv",
                                  "--version-id", version)
    assert datetime.datetime.fromisoformat(retention["Retention"]["RetainUntilDate"]) == later

    # the default GOVERNANCE retention and a legal hold; the bypass lifts the one, only OFF the other
    _, draft = server.aws_cli("s3api", "put-object", "--bucket", bucket, "--key", "draft.txt", "--body", str(body),
                              "--checksum-algorithm", "CRC32")
    draft_version = draft["VersionId"]
    _, defaulted = server.aws_cli("s3api", "get-object-retention", "--bucket", bucket, "--key", "draft.txt")
    assert defaulted["Retention"]["Mode"] == "GOVERNANCE"
    server.aws_cli("s3api", "put-object-legal-hold", "--bucket", bucket, "--key", "draft.txt",
                   "--legal-hold", "Status=ON")
    _, hold = server.aws_cli("s3api", "get-object-legal-hold", "--bucket", bucket, "--key", "draft.txt")
    assert hold["LegalHold"]["Status"] == "ON"
    code, error = server.aws_cli("s3api", "delete-object", "--bucket", bucket, "--key", "draft.txt",
                                 "--version-id", draft_version, "--bypass-governance-retention", check=False)
    assert code != 0 and "AccessDenied" in error
    server.aws_cli("s3api", "put-object-legal-hold", "--bucket", bucket, "--key", "draft.txt",
                   "--legal-hold", "Status=OFF")
    server.aws_cli("s3api", "delete-object", "--bucket", bucket, "--key", "draft.txt",
                   "--version-id", draft_version, "--bypass-governance-retention")
    _, versions = server.aws_cli("s3api", "list-object-versions", "--bucket", bucket)
    assert [v["Key"] for v in versions["Versions"]] == ["ledger.csv"]

    # aws s3 cp, in one part and in several, proves its bodies as the default retention asks
    small = write_random(tmp_path / "small.bin", 1000)
    large = write_random(tmp_path / "large.bin", 9 * 1024 * 1024 + 5)
    aws_plain(server, "s3", "cp", str(small), f"s3://{bucket}/cp/small.bin")
    aws_plain(server, "s3", "cp", str(large), f"s3://{bucket}/cp/large.bin")
    for key in ("cp/small.bin", "cp/large.bin"):
        _, copied = server.aws_cli("s3api", "get-object-retention", "--bucket", bucket, "--key", key)
        assert copied["Retention"]["Mode"] == "GOVERNANCE"

    plain = unique("cli-unlocked")
    server.aws_cli("s3api", "create-bucket", "--bucket", plain)
    code, error = server.aws_cli("s3api", "get-object-lock-configuration", "--bucket", plain, check=False)
    assert code != 0 and "ObjectLockConfigurationNotFoundError" in error
