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
