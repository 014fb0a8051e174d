#!/usr/bin/env python3
"""Envelope encryption of a file with a data key from an AWS KMS-compatible key service (Strongroom).

    envelope_encrypt.py encrypt --key-id alias/x --in FILE --out FILE.enc [--context k=v ...]
    envelope_encrypt.py decrypt --in FILE.enc --out FILE [--context k=v ...]

Encrypt asks KMS for a fresh AES-256 data key (GenerateDataKey) under the given encryption context,
encrypts the file locally with AES-256-GCM (the `cryptography` module) and stores only the
*encrypted* data key beside the ciphertext. Decrypt asks KMS to decrypt the data key (Decrypt) and
then decrypts the file locally. The key service never sees the file, the file never sees the key.

The encryption context is bound twice: KMS binds it to the encrypted data key (Decrypt fails with
InvalidCiphertextException under any other context), and the whole envelope header, context included,
is the GCM associated data, so changing any byte of the envelope makes decryption fail.

Envelope layout: b"SRENV1" | 4-byte big-endian header length | header (UTF-8 JSON) | GCM ciphertext+tag.
The whole file is processed in memory, which suits files up to a few hundred MiB.

Credentials, region and endpoint come from the usual AWS settings (environment, ~/.aws); pass
--endpoint-url (or set AWS_ENDPOINT_URL) to point at Strongroom. Needs boto3 and cryptography.
"""
import argparse
import base64
import json
import os
import struct
import sys
import tempfile

import boto3
from botocore.exceptions import BotoCoreError, ClientError
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"SRENV1"
ALGORITHM = "AES-256-GCM"
NONCE_BYTES = 12
DEFAULT_CONTEXT = {"purpose": "envelope_encrypt"}


class EnvelopeError(Exception):
    """A file that is not a valid envelope, or one that fails to decrypt."""


def kms_client(args):
    endpoint = args.endpoint_url or os.environ.get("AWS_ENDPOINT_URL_KMS") or os.environ.get("AWS_ENDPOINT_URL")
    return boto3.client("kms", region_name=args.region, endpoint_url=endpoint)


def parse_context(pairs):
    context = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise EnvelopeError(f"--context takes KEY=VALUE, got {pair!r}")
        context[key] = value
    return context


def header_bytes(header):
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


def associated_data(raw_header):
    """The GCM associated data: everything in front of the ciphertext."""
    return MAGIC + struct.pack(">I", len(raw_header)) + raw_header


def encrypt(kms, key_id, plaintext, context):
    data_key = kms.generate_data_key(KeyId=key_id, KeySpec="AES_256", EncryptionContext=context)
    nonce = os.urandom(NONCE_BYTES)
    header = {
        "version": 1,
        "algorithm": ALGORITHM,
        "keyId": data_key["KeyId"],  # the key ARN, so decryption can insist on the same key
        "encryptionContext": context,
        "encryptedDataKey": base64.b64encode(data_key["CiphertextBlob"]).decode("ascii"),
        "nonce": base64.b64encode(nonce).decode("ascii"),
    }
    raw_header = header_bytes(header)
    aad = associated_data(raw_header)
    ciphertext = AESGCM(data_key["Plaintext"]).encrypt(nonce, plaintext, aad)
    del data_key  # drop the plaintext data key as soon as it is used
    return aad + ciphertext


def parse_envelope(envelope):
    if not envelope.startswith(MAGIC) or len(envelope) < len(MAGIC) + 4:
        raise EnvelopeError("not an envelope (bad magic)")
    (length,) = struct.unpack(">I", envelope[len(MAGIC):len(MAGIC) + 4])
    start = len(MAGIC) + 4
    if length > len(envelope) - start:
        raise EnvelopeError("truncated envelope header")
    raw_header = envelope[start:start + length]
    try:
        header = json.loads(raw_header.decode("utf-8"))
        if header["version"] != 1 or header["algorithm"] != ALGORITHM:
            raise EnvelopeError(f"unsupported envelope version or algorithm: {header['version']}, {header['algorithm']}")
        context = header["encryptionContext"]
        if not isinstance(context, dict) or not all(isinstance(v, str) for v in context.values()):
            raise EnvelopeError("malformed encryption context")
        parsed = (header["keyId"], context, base64.b64decode(header["encryptedDataKey"], validate=True),
                  base64.b64decode(header["nonce"], validate=True))
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as e:
        raise EnvelopeError(f"malformed envelope header: {e}") from e
    return parsed, associated_data(raw_header), envelope[start + length:]


def decrypt(kms, envelope, expected_context):
    (key_id, context, encrypted_data_key, nonce), aad, ciphertext = parse_envelope(envelope)
    for key, value in expected_context.items():
        if context.get(key) != value:
            raise EnvelopeError(f"encryption context does not contain {key}={value}")
    data_key = kms.decrypt(CiphertextBlob=encrypted_data_key, EncryptionContext=context, KeyId=key_id)
    try:
        return AESGCM(data_key["Plaintext"]).decrypt(nonce, ciphertext, aad)
    except InvalidTag as e:
        raise EnvelopeError("ciphertext or header was modified (GCM tag mismatch)") from e
    finally:
        del data_key


def write_atomically(path, data):
    """Writes to a temporary file beside the target and renames it: no partial output on failure."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".envelope-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--endpoint-url", help="the key service's endpoint, e.g. http://127.0.0.1:8080")
    parser.add_argument("--region", help="the region (default: from the AWS configuration)")
    # The same options are accepted after the command too (without clobbering ones given before it).
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--endpoint-url", default=argparse.SUPPRESS, help="as above")
    common.add_argument("--region", default=argparse.SUPPRESS, help="as above")
    commands = parser.add_subparsers(dest="command", required=True)
    enc = commands.add_parser("encrypt", parents=[common], help="encrypt a file under a KMS key")
    enc.add_argument("--key-id", required=True, help="key id, key ARN, alias/NAME or alias ARN")
    enc.add_argument("--in", dest="source", required=True)
    enc.add_argument("--out", dest="target", required=True)
    enc.add_argument("--context", action="append", metavar="KEY=VALUE",
                     help=f"encryption context entry (repeatable; default {DEFAULT_CONTEXT})")
    dec = commands.add_parser("decrypt", parents=[common], help="decrypt an envelope")
    dec.add_argument("--in", dest="source", required=True)
    dec.add_argument("--out", dest="target", required=True)
    dec.add_argument("--context", action="append", metavar="KEY=VALUE",
                     help="an entry the envelope's encryption context must contain (repeatable)")
    args = parser.parse_args(argv)

    try:
        kms = kms_client(args)
        with open(args.source, "rb") as f:
            data = f.read()
        if args.command == "encrypt":
            result = encrypt(kms, args.key_id, data, parse_context(args.context) or dict(DEFAULT_CONTEXT))
        else:
            result = decrypt(kms, data, parse_context(args.context))
        write_atomically(args.target, result)
    except ClientError as e:
        error = e.response.get("Error", {})
        print(f"envelope_encrypt: {args.command} failed: {error.get('Code')}: {error.get('Message')}", file=sys.stderr)
        return 1
    except (EnvelopeError, BotoCoreError, OSError) as e:
        print(f"envelope_encrypt: {args.command} failed: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
