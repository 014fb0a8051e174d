"""boto3 against Strongroom's object store: the transfer manager, pagination, ranges, presigned URLs
fetched with curl, conditional writes, and S3's error codes.

The suite's server speaks plain HTTP, so SSE-C (which S3 accepts over TLS only) is shown here only
as refused; S3SseCEndToEndTest runs it over TLS with the SDK for Java."""
import subprocess
import uuid

import boto3
import pytest
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.exceptions import ClientError


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="module")
def s3(server):
    return server.client("s3")


def error_code(excinfo):
    return excinfo.value.response["Error"]["Code"]


def test_transfer_manager_round_trip(s3, tmp_path):
    bucket = unique("boto-transfer")
    s3.create_bucket(Bucket=bucket)
    source = tmp_path / "features.parquet"
    source.write_bytes(bytes(range(256)) * 40_000)
    # below the multipart threshold: one PutObject with the SDK's default checksum
    config = TransferConfig(multipart_threshold=64 * 1024 * 1024)
    s3.upload_file(str(source), bucket, "features/features.parquet", Config=config,
                   ExtraArgs={"Metadata": {"team": "risk"}})
    target = tmp_path / "copy.parquet"
    s3.download_file(bucket, "features/features.parquet", str(target), Config=config)
    assert target.read_bytes() == source.read_bytes()
    head = s3.head_object(Bucket=bucket, Key="features/features.parquet")
    assert head["Metadata"] == {"team": "risk"}
    assert head["ServerSideEncryption"] == "AES256"


def test_ranges_and_checksums(s3):
    bucket = unique("boto-ranges")
    s3.create_bucket(Bucket=bucket)
    body = bytes(i % 251 for i in range(2_500_000))
    put = s3.put_object(Bucket=bucket, Key="blob", Body=body, ChecksumAlgorithm="SHA256")
    got = s3.get_object(Bucket=bucket, Key="blob", Range="bytes=1048570-1048580")
    assert got["Body"].read() == body[1048570:1048581]
    assert got["ContentRange"] == f"bytes 1048570-1048580/{len(body)}"
    whole = s3.get_object(Bucket=bucket, Key="blob", ChecksumMode="ENABLED")
    assert whole["ChecksumSHA256"] == put["ChecksumSHA256"]
    assert whole["Body"].read() == body


def test_listing_pages_with_a_delimiter(s3):
    bucket = unique("boto-list")
    s3.create_bucket(Bucket=bucket)
    keys = [f"runs/2026-11-{d:02d}/metrics.json" for d in range(1, 8)] + ["README.md"]
    for key in keys:
        s3.put_object(Bucket=bucket, Key=key, Body=key.encode())
    pages = list(s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, PaginationConfig={"PageSize": 3}))
    assert [o["Key"] for p in pages for o in p.get("Contents", [])] == sorted(keys)
    assert len(pages) == 3
    top = s3.list_objects_v2(Bucket=bucket, Delimiter="/")
    assert [o["Key"] for o in top["Contents"]] == ["README.md"]
    assert top["CommonPrefixes"] == [{"Prefix": "runs/"}]
    days = s3.list_objects_v2(Bucket=bucket, Prefix="runs/", Delimiter="/")
    assert len(days["CommonPrefixes"]) == 7


def test_presigned_get_and_put_with_curl(server, tmp_path):
    # Signature Version 4 only: boto3 presigns with the retired version 2 unless told otherwise
    s3 = boto3.client("s3", endpoint_url=server.endpoint, region_name="us-east-1",
                      aws_access_key_id=server.admin_key_id, aws_secret_access_key=server.admin_secret,
                      config=Config(signature_version="s3v4"))
    bucket = unique("boto-presign")
    s3.create_bucket(Bucket=bucket)
    put_url = s3.generate_presigned_url("put_object", Params={"Bucket": bucket, "Key": "upload.csv"},
                                        ExpiresIn=300)
    payload = tmp_path / "upload.csv"
    payload.write_text("id,score\n1,0.93\n")
    put = subprocess.run(["curl", "-sS", "-f", "-X", "PUT", "--upload-file", str(payload), put_url],
                         capture_output=True, text=True, timeout=60)
    assert put.returncode == 0, put.stderr
    get_url = s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "upload.csv"}, ExpiresIn=300)
    got = subprocess.run(["curl", "-sS", "-f", get_url], capture_output=True, text=True, timeout=60)
    assert got.stdout == "id,score\n1,0.93\n"
    version2 = server.client("s3").generate_presigned_url("get_object", Params={"Bucket": bucket,
                                                                               "Key": "upload.csv"})
    status = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", version2],
                            capture_output=True, text=True, timeout=60).stdout
    assert status == "403"  # a version 2 signature is not accepted


def test_errors_carry_s3_codes(s3, server):
    bucket = unique("boto-errors")
    s3.create_bucket(Bucket=bucket)
    with pytest.raises(ClientError) as missing:
        s3.get_object(Bucket=bucket, Key="absent")
    assert error_code(missing) == "NoSuchKey"
    with pytest.raises(ClientError) as no_bucket:
        s3.list_objects_v2(Bucket=unique("absent-bucket"))
    assert error_code(no_bucket) == "NoSuchBucket"
    with pytest.raises(ClientError) as taken:
        s3.create_bucket(Bucket=bucket)
    assert error_code(taken) == "BucketAlreadyOwnedByYou"
    s3.put_object(Bucket=bucket, Key="k", Body=b"x")
    with pytest.raises(ClientError) as not_empty:
        s3.delete_bucket(Bucket=bucket)
    assert error_code(not_empty) == "BucketNotEmpty"
    wrong = boto3.client("s3", endpoint_url=server.endpoint, region_name="us-east-1",
                         aws_access_key_id=server.admin_key_id, aws_secret_access_key="x" * 40)
    with pytest.raises(ClientError) as bad_signature:
        wrong.list_buckets()
    assert error_code(bad_signature) == "SignatureDoesNotMatch"


def test_archive_storage_class_and_restore_object(s3):
    bucket = unique("boto-archive")
    s3.create_bucket(Bucket=bucket)
    s3.put_object(Bucket=bucket, Key="ledger.csv", Body=b"2026,closing", StorageClass="GLACIER")
    s3.put_object(Bucket=bucket, Key="recent.csv", Body=b"recent")
    assert s3.head_object(Bucket=bucket, Key="ledger.csv")["StorageClass"] == "GLACIER"
    listed = {o["Key"]: o["StorageClass"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"]}
    assert listed == {"ledger.csv": "GLACIER", "recent.csv": "STANDARD"}
    with pytest.raises(ClientError) as refused:
        s3.get_object(Bucket=bucket, Key="ledger.csv")
    assert error_code(refused) == "InvalidObjectState"
    assert refused.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
    with pytest.raises(ClientError) as standard:
        s3.restore_object(Bucket=bucket, Key="recent.csv", RestoreRequest={"Days": 1})
    assert error_code(standard) == "InvalidObjectState"

    started = s3.restore_object(Bucket=bucket, Key="ledger.csv",
                                RestoreRequest={"Days": 2, "GlacierJobParameters": {"Tier": "Bulk"}})
    assert started["ResponseMetadata"]["HTTPStatusCode"] == 202
    restore = s3.head_object(Bucket=bucket, Key="ledger.csv")["Restore"]
    # the scheduler makes the copy on its next pass (every minute); until then the restore is in progress
    assert restore == 'ongoing-request="true"' or restore.startswith('ongoing-request="false", expiry-date=')
    if restore == 'ongoing-request="true"':
        with pytest.raises(ClientError) as again:
            s3.restore_object(Bucket=bucket, Key="ledger.csv", RestoreRequest={"Days": 2})
        assert error_code(again) == "RestoreAlreadyInProgress"
        assert again.value.response["ResponseMetadata"]["HTTPStatusCode"] == 409


def test_lifecycle_transitions_and_upload_aborts_round_trip(s3):
    bucket = unique("boto-tiers")
    s3.create_bucket(Bucket=bucket)
    rules = [{"ID": "tiers", "Status": "Enabled", "Filter": {"Prefix": "logs/"},
              "Transitions": [{"Days": 30, "StorageClass": "STANDARD_IA"},
                              {"Days": 90, "StorageClass": "DEEP_ARCHIVE"}],
              "NoncurrentVersionTransitions": [{"NoncurrentDays": 7, "StorageClass": "GLACIER",
                                                "NewerNoncurrentVersions": 2}],
              "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 3}}]
    s3.put_bucket_lifecycle_configuration(Bucket=bucket, LifecycleConfiguration={"Rules": rules})
    got = s3.get_bucket_lifecycle_configuration(Bucket=bucket)["Rules"][0]
    assert got["Transitions"] == rules[0]["Transitions"]
    assert got["NoncurrentVersionTransitions"] == rules[0]["NoncurrentVersionTransitions"]
    assert got["AbortIncompleteMultipartUpload"] == {"DaysAfterInitiation": 3}
    with pytest.raises(ClientError) as tagged:
        s3.put_bucket_lifecycle_configuration(Bucket=bucket, LifecycleConfiguration={"Rules": [
            {"ID": "tagged", "Status": "Enabled", "Filter": {"Tag": {"Key": "k", "Value": "v"}},
             "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 1}}]})
    assert error_code(tagged) == "InvalidRequest"
    assert s3.get_bucket_lifecycle_configuration(Bucket=bucket)["Rules"][0]["ID"] == "tiers"


def test_sse_kms_without_a_key_id_uses_the_aws_managed_key(s3, server):
    kms = server.client("kms")
    bucket = unique("boto-aws-s3")
    s3.create_bucket(Bucket=bucket)
    put = s3.put_object(Bucket=bucket, Key="report.csv", Body=b"q3", ServerSideEncryption="aws:kms")
    again = s3.put_object(Bucket=bucket, Key="more.csv", Body=b"q4", ServerSideEncryption="aws:kms",
                          BucketKeyEnabled=True)
    managed = kms.describe_key(KeyId="alias/aws/s3")["KeyMetadata"]
    assert managed["KeyManager"] == "AWS"
    assert put["ServerSideEncryption"] == "aws:kms"
    assert put["SSEKMSKeyId"] == managed["Arn"] == again["SSEKMSKeyId"]
    assert again["BucketKeyEnabled"] is True
    got = s3.get_object(Bucket=bucket, Key="report.csv")
    assert got["Body"].read() == b"q3"
    assert got["SSEKMSKeyId"] == managed["Arn"]
    assert s3.get_object(Bucket=bucket, Key="more.csv")["Body"].read() == b"q4"
    aliases = [a for a in kms.list_aliases()["Aliases"] if a["AliasName"] == "alias/aws/s3"]
    assert [a["TargetKeyId"] for a in aliases] == [managed["KeyId"]]
    with pytest.raises(ClientError) as excinfo:
        kms.disable_key(KeyId=managed["Arn"])
    assert error_code(excinfo) == "AccessDeniedException"


def test_canned_acls_once_ownership_controls_enable_them(s3):
    bucket = unique("boto-acl")
    s3.create_bucket(Bucket=bucket, ObjectOwnership="BucketOwnerPreferred")
    s3.put_object(Bucket=bucket, Key="shared.csv", Body=b"a,b", ACL="bucket-owner-full-control")
    grants = s3.get_object_acl(Bucket=bucket, Key="shared.csv")["Grants"]
    assert [g["Permission"] for g in grants] == ["FULL_CONTROL"]
    # public ACLs stay refused while Block Public Access is on (as it is for every new bucket)
    with pytest.raises(ClientError) as blocked:
        s3.put_object_acl(Bucket=bucket, Key="shared.csv", ACL="public-read")
    assert error_code(blocked) == "AccessDenied"
    s3.put_bucket_ownership_controls(Bucket=bucket, OwnershipControls={
        "Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]})
    with pytest.raises(ClientError) as disabled:
        s3.put_object(Bucket=bucket, Key="other.csv", Body=b"x", ACL="authenticated-read")
    assert error_code(disabled) == "AccessControlListNotSupported"


def test_explicit_grants_in_headers_and_access_control_policies(s3):
    bucket = unique("boto-grants")
    owner = s3.list_buckets()["Owner"]["ID"]
    s3.create_bucket(Bucket=bucket, ObjectOwnership="ObjectWriter",
                     GrantFullControl=f'id="{owner}"', GrantWrite='uri="http://acs.amazonaws.com/groups/s3/LogDelivery"')
    grants = s3.get_bucket_acl(Bucket=bucket)["Grants"]
    assert [(g["Grantee"]["Type"], g["Permission"]) for g in grants] == [
        ("CanonicalUser", "FULL_CONTROL"), ("Group", "WRITE")]
    s3.put_object(Bucket=bucket, Key="a.csv", Body=b"a")
    s3.put_object_acl(Bucket=bucket, Key="a.csv", AccessControlPolicy={
        "Owner": {"ID": owner},
        "Grants": [{"Grantee": {"Type": "CanonicalUser", "ID": owner}, "Permission": "READ_ACP"}]})
    acl = s3.get_object_acl(Bucket=bucket, Key="a.csv")
    assert acl["Owner"]["ID"] == owner
    assert [(g["Grantee"]["ID"], g["Permission"]) for g in acl["Grants"]] == [(owner, "READ_ACP")]

    for bad, code in [
        (dict(GrantRead='emailAddress="someone@example.com"'), "UnresolvableGrantByEmailAddress"),
        (dict(GrantRead='id="999999999999"'), "InvalidArgument"),
        (dict(GrantRead="everyone"), "InvalidArgument"),
        (dict(GrantRead=f'id="{owner}"', ACL="private"), "InvalidRequest"),
        (dict(GrantRead='uri="http://acs.amazonaws.com/groups/global/AllUsers"'), "AccessDenied"),
    ]:
        with pytest.raises(ClientError) as refused:
            s3.put_object_acl(Bucket=bucket, Key="a.csv", **bad)
        assert error_code(refused) == code
    assert s3.get_object_acl(Bucket=bucket, Key="a.csv")["Grants"] == acl["Grants"]


def status(excinfo):
    return excinfo.value.response["ResponseMetadata"]["HTTPStatusCode"]


def test_conditional_writes(s3):
    bucket = unique("boto-conditional")
    s3.create_bucket(Bucket=bucket)
    s3.put_object(Bucket=bucket, Key="once", Body=b"first", IfNoneMatch="*")
    with pytest.raises(ClientError) as taken:
        s3.put_object(Bucket=bucket, Key="once", Body=b"second", IfNoneMatch="*")
    assert (error_code(taken), status(taken)) == ("PreconditionFailed", 412)

    etag = s3.head_object(Bucket=bucket, Key="once")["ETag"]
    with pytest.raises(ClientError) as stale:
        s3.put_object(Bucket=bucket, Key="once", Body=b"second", IfMatch='"0123456789abcdef0123456789abcdef"')
    assert (error_code(stale), status(stale)) == ("PreconditionFailed", 412)
    s3.put_object(Bucket=bucket, Key="once", Body=b"second", IfMatch=etag)
    assert s3.get_object(Bucket=bucket, Key="once")["Body"].read() == b"second"
    with pytest.raises(ClientError) as absent:
        s3.put_object(Bucket=bucket, Key="absent", Body=b"x", IfMatch=etag)
    assert (error_code(absent), status(absent)) == ("NoSuchKey", 404)

    upload = s3.create_multipart_upload(Bucket=bucket, Key="once")["UploadId"]
    part = s3.upload_part(Bucket=bucket, Key="once", UploadId=upload, PartNumber=1, Body=b"parted")["ETag"]
    with pytest.raises(ClientError) as exists:
        s3.complete_multipart_upload(Bucket=bucket, Key="once", UploadId=upload, IfNoneMatch="*",
                                     MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": part}]})
    assert (error_code(exists), status(exists)) == ("PreconditionFailed", 412)
    assert s3.get_object(Bucket=bucket, Key="once")["Body"].read() == b"second"


def test_a_customer_key_over_plain_http_is_refused(s3):
    bucket = unique("boto-sse-c")
    s3.create_bucket(Bucket=bucket)
    with pytest.raises(ClientError) as refused:
        # boto3 adds the key's MD5 itself
        s3.put_object(Bucket=bucket, Key="k", Body=b"x", SSECustomerAlgorithm="AES256", SSECustomerKey=b"k" * 32)
    assert (error_code(refused), status(refused)) == ("InvalidRequest", 400)
    assert "secure connection" in refused.value.response["Error"]["Message"]
    assert "Contents" not in s3.list_objects_v2(Bucket=bucket)
