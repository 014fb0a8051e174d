"""Client-side envelope encryption (envelope_encrypt.py) against a real Strongroom server, across restarts.

A ~5 MiB file is encrypted with a data key from Strongroom and AES-256-GCM locally; the server is then
restarted on the same data directory (a clean stop, and separately a SIGKILL) and the file must
decrypt to the same bytes, because the key material and the key's alias are durable. Any change to the
envelope makes decryption fail and writes no output.
"""
import json
import os
import pathlib
import struct
import subprocess
import sys
import uuid

import pytest

from conftest import REGION, Server

SCRIPT = pathlib.Path(__file__).resolve().parent / "envelope_encrypt.py"
SIZE = 5 * 1024 * 1024 + 1234


@pytest.fixture(scope="module")
def restartable_server():
    """A server of its own: restarting the shared one would disturb the other suites."""
    s = Server()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def alias(restartable_server):
    kms = restartable_server.client("kms")
    key_id = kms.create_key(Description="envelope test key")["KeyMetadata"]["KeyId"]
    name = f"alias/envelope-{uuid.uuid4().hex[:8]}"
    kms.create_alias(AliasName=name, TargetKeyId=key_id)
    return name


def run_script(server, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_ACCESS_KEY_ID=server.admin_key_id, AWS_SECRET_ACCESS_KEY=server.admin_secret,
               AWS_DEFAULT_REGION=REGION, AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null",
               AWS_MAX_ATTEMPTS="1")
    return subprocess.run([sys.executable, str(SCRIPT), "--endpoint-url", server.endpoint, *args],
                          capture_output=True, text=True, env=env, timeout=120)


def encrypt(server, alias, source, target, *context):
    extra = [a for pair in context for a in ("--context", pair)]
    result = run_script(server, "encrypt", "--key-id", alias, "--in", str(source), "--out", str(target), *extra)
    assert result.returncode == 0, result.stderr
    return target.read_bytes()


def decrypt(server, source, target, *context):
    extra = [a for pair in context for a in ("--context", pair)]
    return run_script(server, "decrypt", "--in", str(source), "--out", str(target), *extra)


def split_envelope(envelope):
    (length,) = struct.unpack(">I", envelope[6:10])
    return envelope[:6], json.loads(envelope[10:10 + length]), envelope[10 + length:]


def join_envelope(magic, header, body):
    raw = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    return magic + struct.pack(">I", len(raw)) + raw + body


def test_envelope_survives_a_clean_restart_and_a_crash(restartable_server, alias, tmp_path):
    server = restartable_server
    original = os.urandom(SIZE)
    plain = tmp_path / "statement.bin"
    plain.write_bytes(original)

    sealed_before_stop = tmp_path / "statement.bin.enc"
    envelope = encrypt(server, alias, plain, sealed_before_stop, "tenant=42", "purpose=statements")
    _, header, body = split_envelope(envelope)
    assert len(body) == SIZE + 16  # GCM: same length plus the 16-byte tag
    assert header["encryptionContext"] == {"tenant": "42", "purpose": "statements"}
    assert header["keyId"].startswith(f"arn:aws:kms:{REGION}:") and ":key/" in header["keyId"]
    assert original[:4096] not in envelope

    server.stop_process()
    server.start()
    restored = tmp_path / "restored-after-stop.bin"
    result = decrypt(server, sealed_before_stop, restored, "tenant=42")
    assert result.returncode == 0, result.stderr
    assert restored.read_bytes() == original

    sealed_before_crash = tmp_path / "statement-2.bin.enc"
    encrypt(server, alias, plain, sealed_before_crash)
    server.kill()
    server.start()
    restored = tmp_path / "restored-after-crash.bin"
    result = decrypt(server, sealed_before_crash, restored)
    assert result.returncode == 0, result.stderr
    assert restored.read_bytes() == original
    result = decrypt(server, sealed_before_stop, restored)  # the first one still opens too
    assert result.returncode == 0, result.stderr
    assert restored.read_bytes() == original


def test_tampered_envelope_fails_and_writes_nothing(restartable_server, alias, tmp_path):
    server = restartable_server
    plain = tmp_path / "payroll.csv"
    plain.write_bytes(os.urandom(64 * 1024))
    envelope = encrypt(server, alias, plain, tmp_path / "payroll.csv.enc", "department=finance")
    other = encrypt(server, alias, plain, tmp_path / "other.enc", "department=sales")
    magic, header, body = split_envelope(envelope)
    _, other_header, _ = split_envelope(other)

    flipped_body = bytearray(body)
    flipped_body[len(body) // 2] ^= 0x01
    swapped_key = dict(header, encryptedDataKey=other_header["encryptedDataKey"])
    cases = {
        # GCM rejects the body; KMS has nothing to object to.
        "body": (join_envelope(magic, header, bytes(flipped_body)), "GCM"),
        "tag": (envelope[:-1] + bytes([envelope[-1] ^ 0x80]), "GCM"),
        # KMS rejects the data key under another context before GCM is even tried.
        "context": (join_envelope(magic, dict(header, encryptionContext={"department": "sales"}), body),
                    "InvalidCiphertextException"),
        "data key": (join_envelope(magic, swapped_key, body), "InvalidCiphertextException"),
        "nonce": (join_envelope(magic, dict(header, nonce=other_header["nonce"]), body), "GCM"),
        "truncated": (envelope[:len(envelope) // 2], "GCM"),
    }
    for name, (tampered, expected) in cases.items():
        source = tmp_path / f"tampered-{name.replace(' ', '-')}.enc"
        source.write_bytes(tampered)
        target = tmp_path / f"tampered-{name.replace(' ', '-')}.out"
        result = decrypt(server, source, target)
        assert result.returncode != 0, f"tampered {name} decrypted"
        assert expected in result.stderr, f"{name}: {result.stderr}"
        assert not target.exists(), f"tampered {name} left output behind"

    untouched = tmp_path / "payroll.out"
    refused = decrypt(server, tmp_path / "payroll.csv.enc", untouched, "department=sales")
    assert refused.returncode != 0 and "department=sales" in refused.stderr
    assert not untouched.exists()
    result = decrypt(server, tmp_path / "payroll.csv.enc", untouched, "department=finance")
    assert result.returncode == 0, result.stderr
    assert untouched.read_bytes() == plain.read_bytes()
