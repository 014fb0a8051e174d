"""The AWS CLI v2, unmodified, against Strongroom's key service (AWS KMS API).

Blobs go in as raw bytes with fileb:// and come out base64-encoded with --output text, as a user of
the CLI would script it.
"""
import base64
import json
import os
import subprocess
import uuid

import pytest

from conftest import REGION, aws_cli_path

pytestmark = pytest.mark.skipif(aws_cli_path() is None, reason="AWS CLI v2 is not installed")


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def aws_text(server, *args, check=True):
    """Runs the AWS CLI v2 with --output text; returns (exit code, stdout or stderr)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_ACCESS_KEY_ID=server.admin_key_id, AWS_SECRET_ACCESS_KEY=server.admin_secret,
               AWS_DEFAULT_REGION=REGION, AWS_PAGER="",
               AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null")
    result = subprocess.run([aws_cli_path(), "--endpoint-url", server.endpoint, *args, "--output", "text"],
                            capture_output=True, text=True, env=env, timeout=60)
    if check and result.returncode != 0:
        raise AssertionError(f"aws {' '.join(args)} failed: {result.stderr}")
    return result.returncode, (result.stdout.strip() if result.returncode == 0 else result.stderr)


@pytest.fixture(scope="module")
def account(server):
    return server.aws_cli("sts", "get-caller-identity")[1]["Account"]


@pytest.fixture(scope="module")
def cli_key(server, account):
    """A key made by `aws kms create-key`, with an alias made by `aws kms create-alias`."""
    description = unique("cli key")
    _, created = server.aws_cli("kms", "create-key", "--description", description,
                                "--tags", "TagKey=team,TagValue=risk")
    metadata = created["KeyMetadata"]
    key_id = metadata["KeyId"]
    assert metadata["Arn"] == f"arn:aws:kms:{REGION}:{account}:key/{key_id}"
    assert metadata["Description"] == description
    assert metadata["KeyState"] == "Enabled"
    assert metadata["KeySpec"] == "SYMMETRIC_DEFAULT"
    assert metadata["KeyUsage"] == "ENCRYPT_DECRYPT"

    alias = f"alias/{unique('cli')}"
    code, _ = server.aws_cli("kms", "create-alias", "--alias-name", alias, "--target-key-id", key_id)
    assert code == 0
    return {"KeyId": key_id, "Arn": metadata["Arn"], "Alias": alias}


def encrypt_file(server, tmp_path, key_id, plaintext, *extra):
    source = tmp_path / f"plain-{uuid.uuid4().hex[:6]}.bin"
    source.write_bytes(plaintext)
    _, b64 = aws_text(server, "kms", "encrypt", "--key-id", key_id, "--plaintext", f"fileb://{source}",
                      *extra, "--query", "CiphertextBlob")
    blob_file = tmp_path / f"cipher-{uuid.uuid4().hex[:6]}.bin"
    blob_file.write_bytes(base64.b64decode(b64))
    return blob_file


def decrypt_file(server, blob_file, *extra, check=True):
    code, out = aws_text(server, "kms", "decrypt", "--ciphertext-blob", f"fileb://{blob_file}", *extra,
                         "--query", "Plaintext", check=check)
    return (code, base64.b64decode(out)) if code == 0 else (code, out)


def test_cli_aliases_are_listed(server, cli_key, account):
    _, listed = server.aws_cli("kms", "list-aliases")
    entries = [a for a in listed["Aliases"] if a["AliasName"] == cli_key["Alias"]]
    assert len(entries) == 1
    assert entries[0]["TargetKeyId"] == cli_key["KeyId"]
    assert entries[0]["AliasArn"] == f"arn:aws:kms:{REGION}:{account}:{cli_key['Alias']}"
    _, by_key = server.aws_cli("kms", "list-aliases", "--key-id", cli_key["KeyId"])
    assert [a["AliasName"] for a in by_key["Aliases"]] == [cli_key["Alias"]]
    _, described = server.aws_cli("kms", "describe-key", "--key-id", cli_key["Alias"])
    assert described["KeyMetadata"]["Arn"] == cli_key["Arn"]


def test_cli_encrypt_and_decrypt_with_and_without_key_id(server, cli_key, tmp_path):
    plaintext = os.urandom(1000)
    blob_file = encrypt_file(server, tmp_path, cli_key["Alias"], plaintext)
    assert plaintext not in blob_file.read_bytes()

    assert decrypt_file(server, blob_file) == (0, plaintext)
    assert decrypt_file(server, blob_file, "--key-id", cli_key["Arn"]) == (0, plaintext)
    assert decrypt_file(server, blob_file, "--key-id", cli_key["Alias"]) == (0, plaintext)
    _, decrypted = server.aws_cli("kms", "decrypt", "--ciphertext-blob", f"fileb://{blob_file}")
    assert decrypted["KeyId"] == cli_key["Arn"]
    assert decrypted["EncryptionAlgorithm"] == "SYMMETRIC_DEFAULT"

    _, other = server.aws_cli("kms", "create-key", "--description", unique("other"))
    code, stderr = decrypt_file(server, blob_file, "--key-id", other["KeyMetadata"]["KeyId"], check=False)
    assert code != 0 and "IncorrectKeyException" in stderr


def test_cli_encryption_context_must_match(server, cli_key, tmp_path):
    plaintext = b"IBAN DE89 3704 0044 0532 0130 00"
    blob_file = encrypt_file(server, tmp_path, cli_key["KeyId"], plaintext,
                             "--encryption-context", "purpose=payroll,department=finance")

    assert decrypt_file(server, blob_file, "--encryption-context", "department=finance,purpose=payroll") == \
        (0, plaintext)
    as_json = json.dumps({"purpose": "payroll", "department": "finance"})
    assert decrypt_file(server, blob_file, "--encryption-context", as_json) == (0, plaintext)

    code, stderr = decrypt_file(server, blob_file, check=False)
    assert code != 0 and "InvalidCiphertextException" in stderr
    code, stderr = decrypt_file(server, blob_file, "--encryption-context", "purpose=payroll,department=sales",
                                check=False)
    assert code != 0 and "InvalidCiphertextException" in stderr


def test_cli_generate_data_key(server, cli_key, tmp_path):
    _, data_key = server.aws_cli("kms", "generate-data-key", "--key-id", cli_key["Alias"], "--key-spec", "AES_256",
                                 "--encryption-context", "bucket=statements")
    assert data_key["KeyId"] == cli_key["Arn"]
    plaintext_key = base64.b64decode(data_key["Plaintext"])
    assert len(plaintext_key) == 32
    blob_file = tmp_path / "datakey.enc"
    blob_file.write_bytes(base64.b64decode(data_key["CiphertextBlob"]))
    assert decrypt_file(server, blob_file, "--encryption-context", "bucket=statements") == (0, plaintext_key)

    _, sealed = server.aws_cli("kms", "generate-data-key-without-plaintext", "--key-id", cli_key["KeyId"],
                               "--number-of-bytes", "64")
    assert "Plaintext" not in sealed
    sealed_file = tmp_path / "sealed.enc"
    sealed_file.write_bytes(base64.b64decode(sealed["CiphertextBlob"]))
    code, key_bytes = decrypt_file(server, sealed_file)
    assert code == 0 and len(key_bytes) == 64


def test_cli_schedule_and_cancel_key_deletion(server, tmp_path):
    _, created = server.aws_cli("kms", "create-key", "--description", unique("doomed"))
    key_id, arn = created["KeyMetadata"]["KeyId"], created["KeyMetadata"]["Arn"]
    blob_file = encrypt_file(server, tmp_path, key_id, b"before deletion")

    _, scheduled = server.aws_cli("kms", "schedule-key-deletion", "--key-id", key_id,
                                  "--pending-window-in-days", "7")
    assert scheduled["KeyId"] == arn
    assert scheduled["KeyState"] == "PendingDeletion"
    assert scheduled["PendingWindowInDays"] == 7
    assert "DeletionDate" in scheduled
    _, described = server.aws_cli("kms", "describe-key", "--key-id", key_id)
    assert described["KeyMetadata"]["KeyState"] == "PendingDeletion"
    assert described["KeyMetadata"]["Enabled"] is False
    assert "DeletionDate" in described["KeyMetadata"]

    source = tmp_path / "refused.bin"
    source.write_bytes(b"after scheduling")
    code, stderr = aws_text(server, "kms", "encrypt", "--key-id", key_id, "--plaintext", f"fileb://{source}",
                            check=False)
    assert code != 0 and "KMSInvalidStateException" in stderr
    code, stderr = decrypt_file(server, blob_file, check=False)
    assert code != 0 and "KMSInvalidStateException" in stderr

    _, cancelled = server.aws_cli("kms", "cancel-key-deletion", "--key-id", key_id)
    assert cancelled["KeyId"] == arn
    _, described = server.aws_cli("kms", "describe-key", "--key-id", key_id)
    assert described["KeyMetadata"]["KeyState"] == "Disabled"  # AWS: a cancelled deletion leaves the key disabled
    assert "DeletionDate" not in described["KeyMetadata"]
    code, stderr = decrypt_file(server, blob_file, check=False)
    assert code != 0 and "DisabledException" in stderr

    server.aws_cli("kms", "enable-key", "--key-id", key_id)
    assert decrypt_file(server, blob_file) == (0, b"before deletion")
