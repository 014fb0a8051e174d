"""The key service (AWS KMS API) through boto3, unmodified, against a real Strongroom server.

Each expectation is AWS KMS's documented behaviour: shapes from botocore's kms model, error codes
from the operation's documented errors.
"""
import datetime
import hashlib
import os
import time
import uuid

import pytest
from botocore.exceptions import ClientError
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, utils
from cryptography.hazmat.primitives.serialization import load_der_public_key

REGION = "us-east-1"


def error_code(excinfo):
    return excinfo.value.response["Error"]["Code"]


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def eventually(call, timeout=10.0):
    """AWS KMS grants are eventually consistent; Strongroom's take effect at once, so this returns at once there."""
    deadline = time.time() + timeout
    while True:
        try:
            return call()
        except ClientError:
            if time.time() >= deadline:
                raise
            time.sleep(0.25)


@pytest.fixture(scope="module")
def kms(server):
    return server.client("kms")


@pytest.fixture(scope="module")
def iam(server):
    return server.client("iam")


@pytest.fixture(scope="module")
def account(server):
    return server.client("sts").get_caller_identity()["Account"]


def key_arn(account, key_id):
    return f"arn:aws:kms:{REGION}:{account}:key/{key_id}"


def new_key(kms, **kwargs):
    kwargs.setdefault("Description", unique("boto3-test"))
    return kms.create_key(**kwargs)["KeyMetadata"]


@pytest.fixture(scope="module")
def symmetric_key(kms):
    return new_key(kms)


def test_create_key_and_describe_it_by_every_identifier(kms, account):
    description = unique("payments ledger key")
    created = kms.create_key(Description=description, Tags=[{"TagKey": "team", "TagValue": "risk"}])["KeyMetadata"]
    key_id = created["KeyId"]
    assert str(uuid.UUID(key_id)) == key_id
    assert created["Arn"] == key_arn(account, key_id)
    assert created["AWSAccountId"] == account
    assert created["Description"] == description
    assert created["Enabled"] is True
    assert created["KeyState"] == "Enabled"
    assert created["KeyUsage"] == "ENCRYPT_DECRYPT"
    assert created["KeySpec"] == "SYMMETRIC_DEFAULT"
    assert created["KeyManager"] == "CUSTOMER"
    assert created["Origin"] == "AWS_KMS"
    assert created["EncryptionAlgorithms"] == ["SYMMETRIC_DEFAULT"]
    age = datetime.datetime.now(datetime.timezone.utc) - created["CreationDate"]
    assert abs(age.total_seconds()) < 300

    alias = f"alias/{unique('describe')}"
    kms.create_alias(AliasName=alias, TargetKeyId=key_id)
    alias_arn = f"arn:aws:kms:{REGION}:{account}:{alias}"
    for identifier in (key_id, created["Arn"], alias, alias_arn):
        described = kms.describe_key(KeyId=identifier)["KeyMetadata"]
        assert described["KeyId"] == key_id, identifier
        assert described["Arn"] == created["Arn"], identifier
        assert described["Description"] == description

    with pytest.raises(ClientError) as duplicate:
        kms.create_alias(AliasName=alias, TargetKeyId=new_key(kms)["KeyId"])
    assert error_code(duplicate) == "AlreadyExistsException"

    listed = [k for page in kms.get_paginator("list_keys").paginate() for k in page["Keys"]]
    assert {"KeyId": key_id, "KeyArn": created["Arn"]} in listed
    aliases = kms.list_aliases(KeyId=key_id)["Aliases"]
    assert [(a["AliasName"], a["AliasArn"], a["TargetKeyId"]) for a in aliases] == [(alias, alias_arn, key_id)]


def test_an_alias_must_name_a_key_not_another_alias(kms):
    """CreateAlias TargetKeyId: "You cannot specify another alias"; AWS answers ValidationException."""
    alias = f"alias/{unique('target')}"
    kms.create_alias(AliasName=alias, TargetKeyId=new_key(kms)["KeyId"])
    alias_of_alias = f"alias/{unique('alias-of-alias')}"
    with pytest.raises(ClientError) as of_alias:
        kms.create_alias(AliasName=alias_of_alias, TargetKeyId=alias)
    assert error_code(of_alias) == "ValidationException"
    all_aliases = [a["AliasName"] for page in kms.get_paginator("list_aliases").paginate() for a in page["Aliases"]]
    assert alias_of_alias not in all_aliases


def test_encrypt_and_decrypt_bind_the_encryption_context(kms, symmetric_key):
    key_id, arn = symmetric_key["KeyId"], symmetric_key["Arn"]
    plaintext = os.urandom(300)
    context = {"purpose": "ledger", "aws:s3:arn": "arn:aws:s3:::statements/2024/03.pdf", "tenant": "42"}
    encrypted = kms.encrypt(KeyId=key_id, Plaintext=plaintext, EncryptionContext=context)
    assert encrypted["KeyId"] == arn
    assert encrypted["EncryptionAlgorithm"] == "SYMMETRIC_DEFAULT"
    blob = encrypted["CiphertextBlob"]
    assert plaintext not in blob

    same_context_other_order = dict(reversed(list(context.items())))
    decrypted = kms.decrypt(CiphertextBlob=blob, EncryptionContext=same_context_other_order)
    assert decrypted["Plaintext"] == plaintext
    assert decrypted["KeyId"] == arn
    assert decrypted["EncryptionAlgorithm"] == "SYMMETRIC_DEFAULT"
    assert kms.decrypt(CiphertextBlob=blob, EncryptionContext=context, KeyId=arn)["Plaintext"] == plaintext

    wrong_contexts = [
        {**context, "tenant": "43"},            # a changed value
        {k: v for k, v in context.items() if k != "tenant"},  # a missing pair
        {**context, "extra": "x"},             # an added pair
        {k.upper(): v for k, v in context.items()},  # keys are case-sensitive
        {},                                      # no context at all
    ]
    for wrong in wrong_contexts:
        with pytest.raises(ClientError) as bad:
            kms.decrypt(CiphertextBlob=blob, EncryptionContext=wrong)
        assert error_code(bad) == "InvalidCiphertextException", wrong

    tampered = bytearray(blob)
    tampered[-1] ^= 0x01
    with pytest.raises(ClientError) as bad:
        kms.decrypt(CiphertextBlob=bytes(tampered), EncryptionContext=context)
    assert error_code(bad) == "InvalidCiphertextException"

    other = new_key(kms)
    with pytest.raises(ClientError) as wrong_key:
        kms.decrypt(CiphertextBlob=blob, EncryptionContext=context, KeyId=other["KeyId"])
    assert error_code(wrong_key) == "IncorrectKeyException"


def test_generate_data_key_and_without_plaintext(kms, symmetric_key):
    arn = symmetric_key["Arn"]
    context = {"bucket": "statements"}
    data_key = kms.generate_data_key(KeyId=symmetric_key["KeyId"], KeySpec="AES_256", EncryptionContext=context)
    assert data_key["KeyId"] == arn
    assert len(data_key["Plaintext"]) == 32
    assert data_key["Plaintext"] not in data_key["CiphertextBlob"]
    decrypted = kms.decrypt(CiphertextBlob=data_key["CiphertextBlob"], EncryptionContext=context)
    assert decrypted["Plaintext"] == data_key["Plaintext"]
    assert decrypted["KeyId"] == arn

    again = kms.generate_data_key(KeyId=arn, KeySpec="AES_256", EncryptionContext=context)
    assert again["Plaintext"] != data_key["Plaintext"]
    assert len(kms.generate_data_key(KeyId=arn, KeySpec="AES_128")["Plaintext"]) == 16
    assert len(kms.generate_data_key(KeyId=arn, NumberOfBytes=64)["Plaintext"]) == 64

    sealed = kms.generate_data_key_without_plaintext(KeyId=arn, KeySpec="AES_256", EncryptionContext=context)
    assert "Plaintext" not in sealed
    assert sealed["KeyId"] == arn
    opened = kms.decrypt(CiphertextBlob=sealed["CiphertextBlob"], EncryptionContext=context)
    assert len(opened["Plaintext"]) == 32
    with pytest.raises(ClientError) as no_context:
        kms.decrypt(CiphertextBlob=sealed["CiphertextBlob"])
    assert error_code(no_context) == "InvalidCiphertextException"

    random_bytes = kms.generate_random(NumberOfBytes=48)["Plaintext"]
    assert len(random_bytes) == 48


def test_re_encrypt_moves_ciphertext_to_another_key_and_context(kms, symmetric_key):
    source_arn = symmetric_key["Arn"]
    destination = new_key(kms)
    plaintext = b"account 12345678, sort code 00-11-22"
    blob = kms.encrypt(KeyId=source_arn, Plaintext=plaintext, EncryptionContext={"stage": "old"})["CiphertextBlob"]

    moved = kms.re_encrypt(CiphertextBlob=blob, SourceEncryptionContext={"stage": "old"},
                           DestinationKeyId=destination["KeyId"], DestinationEncryptionContext={"stage": "new"})
    assert moved["SourceKeyId"] == source_arn
    assert moved["KeyId"] == destination["Arn"]
    assert moved["SourceEncryptionAlgorithm"] == "SYMMETRIC_DEFAULT"
    assert moved["DestinationEncryptionAlgorithm"] == "SYMMETRIC_DEFAULT"
    decrypted = kms.decrypt(CiphertextBlob=moved["CiphertextBlob"], EncryptionContext={"stage": "new"})
    assert decrypted["Plaintext"] == plaintext
    assert decrypted["KeyId"] == destination["Arn"]

    with pytest.raises(ClientError) as old_context:
        kms.decrypt(CiphertextBlob=moved["CiphertextBlob"], EncryptionContext={"stage": "old"})
    assert error_code(old_context) == "InvalidCiphertextException"
    with pytest.raises(ClientError) as wrong_source_context:
        kms.re_encrypt(CiphertextBlob=blob, SourceEncryptionContext={"stage": "other"},
                       DestinationKeyId=destination["KeyId"])
    assert error_code(wrong_source_context) == "InvalidCiphertextException"


def test_sign_and_verify_with_ecc_nist_p256(kms, symmetric_key):
    key = new_key(kms, KeySpec="ECC_NIST_P256", KeyUsage="SIGN_VERIFY")
    assert key["KeySpec"] == "ECC_NIST_P256"
    assert key["KeyUsage"] == "SIGN_VERIFY"
    assert key["SigningAlgorithms"] == ["ECDSA_SHA_256"]

    public = kms.get_public_key(KeyId=key["KeyId"])
    assert public["KeyId"] == key["Arn"]
    assert public["KeySpec"] == "ECC_NIST_P256"
    assert public["KeyUsage"] == "SIGN_VERIFY"
    assert public["SigningAlgorithms"] == ["ECDSA_SHA_256"]
    public_key = load_der_public_key(public["PublicKey"])
    assert isinstance(public_key, ec.EllipticCurvePublicKey)
    assert public_key.curve.name == "secp256r1"

    message = b"transfer 100 EUR to DE89370400440532013000"
    signed = kms.sign(KeyId=key["KeyId"], Message=message, MessageType="RAW", SigningAlgorithm="ECDSA_SHA_256")
    assert signed["KeyId"] == key["Arn"]
    assert signed["SigningAlgorithm"] == "ECDSA_SHA_256"
    signature = signed["Signature"]
    public_key.verify(signature, message, ec.ECDSA(hashes.SHA256()))  # DER-encoded ECDSA, as AWS returns
    with pytest.raises(InvalidSignature):
        public_key.verify(signature, message + b"0", ec.ECDSA(hashes.SHA256()))

    verified = kms.verify(KeyId=key["Arn"], Message=message, MessageType="RAW", Signature=signature,
                          SigningAlgorithm="ECDSA_SHA_256")
    assert verified["SignatureValid"] is True
    assert verified["KeyId"] == key["Arn"]
    with pytest.raises(ClientError) as forged:
        kms.verify(KeyId=key["Arn"], Message=message + b"0", MessageType="RAW", Signature=signature,
                   SigningAlgorithm="ECDSA_SHA_256")
    assert error_code(forged) == "KMSInvalidSignatureException"

    digest = hashlib.sha256(b"a large document, hashed by the caller").digest()
    digest_signature = kms.sign(KeyId=key["KeyId"], Message=digest, MessageType="DIGEST",
                                SigningAlgorithm="ECDSA_SHA_256")["Signature"]
    public_key.verify(digest_signature, digest, ec.ECDSA(utils.Prehashed(hashes.SHA256())))

    with pytest.raises(ClientError) as wrong_usage:
        kms.encrypt(KeyId=key["KeyId"], Plaintext=b"x")
    assert error_code(wrong_usage) == "InvalidKeyUsageException"
    with pytest.raises(ClientError) as not_for_signing:
        kms.sign(KeyId=symmetric_key["KeyId"], Message=message, MessageType="RAW", SigningAlgorithm="ECDSA_SHA_256")
    assert error_code(not_for_signing) == "InvalidKeyUsageException"


def test_generate_and_verify_mac(kms, symmetric_key):
    key = new_key(kms, KeySpec="HMAC_256", KeyUsage="GENERATE_VERIFY_MAC")
    assert key["KeySpec"] == "HMAC_256"
    assert key["KeyUsage"] == "GENERATE_VERIFY_MAC"
    assert key["MacAlgorithms"] == ["HMAC_SHA_256"]

    message = b"session=abc; expires=2030-01-01"
    generated = kms.generate_mac(KeyId=key["KeyId"], Message=message, MacAlgorithm="HMAC_SHA_256")
    assert generated["KeyId"] == key["Arn"]
    assert generated["MacAlgorithm"] == "HMAC_SHA_256"
    mac = generated["Mac"]
    assert len(mac) == 32
    assert kms.generate_mac(KeyId=key["Arn"], Message=message, MacAlgorithm="HMAC_SHA_256")["Mac"] == mac

    verified = kms.verify_mac(KeyId=key["KeyId"], Message=message, MacAlgorithm="HMAC_SHA_256", Mac=mac)
    assert verified["MacValid"] is True
    assert verified["KeyId"] == key["Arn"]
    assert verified["MacAlgorithm"] == "HMAC_SHA_256"

    tampered = bytes([mac[0] ^ 0x80]) + mac[1:]
    with pytest.raises(ClientError) as bad_mac:
        kms.verify_mac(KeyId=key["KeyId"], Message=message, MacAlgorithm="HMAC_SHA_256", Mac=tampered)
    assert error_code(bad_mac) == "KMSInvalidMacException"
    with pytest.raises(ClientError) as other_message:
        kms.verify_mac(KeyId=key["KeyId"], Message=message + b"!", MacAlgorithm="HMAC_SHA_256", Mac=mac)
    assert error_code(other_message) == "KMSInvalidMacException"

    with pytest.raises(ClientError) as wrong_usage:
        kms.generate_mac(KeyId=symmetric_key["KeyId"], Message=message, MacAlgorithm="HMAC_SHA_256")
    assert error_code(wrong_usage) == "InvalidKeyUsageException"
    with pytest.raises(ClientError) as no_rotation:
        kms.enable_key_rotation(KeyId=key["KeyId"])
    assert error_code(no_rotation) == "UnsupportedOperationException"


def test_grant_lets_another_user_encrypt_until_revoked(server, kms, iam, account):
    key = new_key(kms)
    user = unique("grantee")
    iam.create_user(UserName=user)
    access_key = iam.create_access_key(UserName=user)["AccessKey"]
    user_arn = f"arn:aws:iam::{account}:user/{user}"
    grantee = server.client("kms", access_key["AccessKeyId"], access_key["SecretAccessKey"])

    with pytest.raises(ClientError) as before:
        grantee.encrypt(KeyId=key["Arn"], Plaintext=b"hello")
    assert error_code(before) == "AccessDeniedException"
    message = before.value.response["Error"]["Message"]
    assert user_arn in message and "kms:Encrypt" in message

    grant = kms.create_grant(KeyId=key["KeyId"], GranteePrincipal=user_arn, Name="ledger-writer",
                             Operations=["Encrypt", "Decrypt", "GenerateDataKey"])
    grant_id, token = grant["GrantId"], grant["GrantToken"]
    assert grant_id and token

    # With the grant token a grant is usable at once, as AWS documents.
    blob = grantee.encrypt(KeyId=key["Arn"], Plaintext=b"hello", GrantTokens=[token])["CiphertextBlob"]
    assert grantee.decrypt(CiphertextBlob=blob, GrantTokens=[token])["Plaintext"] == b"hello"
    blob = eventually(lambda: grantee.encrypt(KeyId=key["Arn"], Plaintext=b"again"))["CiphertextBlob"]
    assert grantee.decrypt(CiphertextBlob=blob)["Plaintext"] == b"again"
    assert len(grantee.generate_data_key(KeyId=key["Arn"], KeySpec="AES_256")["Plaintext"]) == 32

    with pytest.raises(ClientError) as not_granted:
        grantee.generate_data_key_without_plaintext(KeyId=key["Arn"], KeySpec="AES_256")
    assert error_code(not_granted) == "AccessDeniedException"

    grants = kms.list_grants(KeyId=key["KeyId"])["Grants"]
    listed = [g for g in grants if g["GrantId"] == grant_id]
    assert len(listed) == 1
    assert listed[0]["GranteePrincipal"] == user_arn
    assert listed[0]["Name"] == "ledger-writer"
    assert sorted(listed[0]["Operations"]) == ["Decrypt", "Encrypt", "GenerateDataKey"]
    assert listed[0]["KeyId"] == key["Arn"]

    kms.revoke_grant(KeyId=key["KeyId"], GrantId=grant_id)
    assert grant_id not in [g["GrantId"] for g in kms.list_grants(KeyId=key["KeyId"])["Grants"]]

    after = eventually(lambda: _expect_denied(grantee, key))
    assert after == "AccessDeniedException"


def test_grant_constraints_and_retirement(server, kms, iam, account):
    key = new_key(kms)
    user = unique("retiree")
    iam.create_user(UserName=user)
    access_key = iam.create_access_key(UserName=user)["AccessKey"]
    user_arn = f"arn:aws:iam::{account}:user/{user}"
    grantee = server.client("kms", access_key["AccessKeyId"], access_key["SecretAccessKey"])

    grant = kms.create_grant(KeyId=key["Arn"], GranteePrincipal=user_arn, RetiringPrincipal=user_arn,
                             Operations=["Encrypt", "Decrypt"],
                             Constraints={"EncryptionContextSubset": {"department": "finance"}})
    token = grant["GrantToken"]
    blob = grantee.encrypt(KeyId=key["Arn"], Plaintext=b"q3 forecast", GrantTokens=[token],
                           EncryptionContext={"department": "finance", "quarter": "3"})["CiphertextBlob"]
    assert grantee.decrypt(CiphertextBlob=blob, GrantTokens=[token],
                           EncryptionContext={"department": "finance", "quarter": "3"})["Plaintext"] == b"q3 forecast"
    for context in ({}, {"department": "sales"}):
        with pytest.raises(ClientError) as outside:
            grantee.encrypt(KeyId=key["Arn"], Plaintext=b"x", GrantTokens=[token], EncryptionContext=context)
        assert error_code(outside) == "AccessDeniedException", context

    retirable = kms.list_retirable_grants(RetiringPrincipal=user_arn)["Grants"]
    assert [g["GrantId"] for g in retirable] == [grant["GrantId"]]
    assert retirable[0]["Constraints"] == {"EncryptionContextSubset": {"department": "finance"}}

    grantee.retire_grant(KeyId=key["Arn"], GrantId=grant["GrantId"])
    assert kms.list_grants(KeyId=key["KeyId"])["Grants"] == []
    assert eventually(lambda: _expect_denied(grantee, key)) == "AccessDeniedException"
    with pytest.raises(ClientError) as gone:
        kms.revoke_grant(KeyId=key["KeyId"], GrantId=grant["GrantId"])
    assert error_code(gone) == "NotFoundException"


def _expect_denied(grantee, key):
    """Returns the error code of an Encrypt that must fail; raises ClientError (retried) while it still succeeds."""
    try:
        grantee.encrypt(KeyId=key["Arn"], Plaintext=b"after revoke")
    except ClientError as e:
        return e.response["Error"]["Code"]
    raise ClientError({"Error": {"Code": "StillAllowed", "Message": "grant still in effect"}}, "Encrypt")


def test_tags_on_a_key(kms):
    key = new_key(kms, Tags=[{"TagKey": "team", "TagValue": "risk"}])
    kms.tag_resource(KeyId=key["KeyId"], Tags=[{"TagKey": "classification", "TagValue": "restricted"},
                                               {"TagKey": "team", "TagValue": "payments"}])
    tags = kms.list_resource_tags(KeyId=key["KeyId"])
    assert {t["TagKey"]: t["TagValue"] for t in tags["Tags"]} == {"team": "payments", "classification": "restricted"}
    assert tags["Truncated"] is False

    kms.untag_resource(KeyId=key["Arn"], TagKeys=["team"])
    tags = kms.list_resource_tags(KeyId=key["Arn"])["Tags"]
    assert tags == [{"TagKey": "classification", "TagValue": "restricted"}]


def test_rotation_keeps_old_ciphertext_decryptable(kms):
    key = new_key(kms)
    status = kms.get_key_rotation_status(KeyId=key["KeyId"])
    assert status["KeyRotationEnabled"] is False

    kms.enable_key_rotation(KeyId=key["KeyId"], RotationPeriodInDays=90)
    status = kms.get_key_rotation_status(KeyId=key["KeyId"])
    assert status["KeyRotationEnabled"] is True
    assert status["RotationPeriodInDays"] == 90
    assert status["KeyId"] == key["Arn"]
    until_next = status["NextRotationDate"] - datetime.datetime.now(datetime.timezone.utc)
    assert datetime.timedelta(days=89) < until_next <= datetime.timedelta(days=90, minutes=5)

    old = kms.encrypt(KeyId=key["KeyId"], Plaintext=b"before rotation", EncryptionContext={"v": "1"})["CiphertextBlob"]
    rotated = kms.rotate_key_on_demand(KeyId=key["KeyId"])
    assert rotated["KeyId"] == key["Arn"]

    deadline = time.time() + 30
    while True:  # AWS rotates on demand in the background
        rotations = kms.list_key_rotations(KeyId=key["KeyId"])["Rotations"]
        if any(r["RotationType"] == "ON_DEMAND" for r in rotations):
            break
        assert time.time() < deadline, f"no ON_DEMAND rotation listed: {rotations}"
        time.sleep(0.5)

    decrypted = kms.decrypt(CiphertextBlob=old, EncryptionContext={"v": "1"})
    assert decrypted["Plaintext"] == b"before rotation"
    assert decrypted["KeyId"] == key["Arn"]
    new = kms.encrypt(KeyId=key["KeyId"], Plaintext=b"after rotation")["CiphertextBlob"]
    assert kms.decrypt(CiphertextBlob=new)["Plaintext"] == b"after rotation"
    assert kms.describe_key(KeyId=key["KeyId"])["KeyMetadata"]["KeyState"] == "Enabled"
    status = kms.get_key_rotation_status(KeyId=key["KeyId"])
    assert status["KeyRotationEnabled"] is True and status["RotationPeriodInDays"] == 90

    kms.disable_key_rotation(KeyId=key["KeyId"])
    status = kms.get_key_rotation_status(KeyId=key["KeyId"])
    assert status["KeyRotationEnabled"] is False
    # The on-demand rotation is listed, so it is complete: "Once the on-demand rotation is complete,
    # KMS removes this field from the response" (GetKeyRotationStatus, OnDemandRotationStartDate).
    assert "OnDemandRotationStartDate" not in status


def test_bad_input_is_refused_with_the_aws_error_and_changes_nothing(kms, account):
    key = new_key(kms)
    key_id = key["KeyId"]

    with pytest.raises(ClientError) as too_long:
        kms.encrypt(KeyId=key_id, Plaintext=b"x" * 4097)
    assert error_code(too_long) == "ValidationException"
    assert too_long.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert len(kms.decrypt(CiphertextBlob=kms.encrypt(KeyId=key_id, Plaintext=b"x" * 4096)["CiphertextBlob"])
               ["Plaintext"]) == 4096

    with pytest.raises(ClientError) as empty:
        kms.encrypt(KeyId=key_id, Plaintext=b"")
    assert error_code(empty) == "ValidationException"

    missing_alias = f"alias/{unique('missing')}"
    with pytest.raises(ClientError) as unknown_alias:
        kms.encrypt(KeyId=missing_alias, Plaintext=b"x")
    assert error_code(unknown_alias) == "NotFoundException"
    with pytest.raises(ClientError) as unknown_alias_describe:
        kms.describe_key(KeyId=missing_alias)
    assert error_code(unknown_alias_describe) == "NotFoundException"
    with pytest.raises(ClientError) as unknown_key:
        kms.describe_key(KeyId=key_arn(account, str(uuid.uuid4())))
    assert error_code(unknown_key) == "NotFoundException"

    with pytest.raises(ClientError) as bad_spec:
        kms.create_key(KeySpec="ECC_NIST_P256", KeyUsage="ENCRYPT_DECRYPT")
    assert error_code(bad_spec) == "ValidationException"

    blob = kms.encrypt(KeyId=key_id, Plaintext=b"kept")["CiphertextBlob"]
    kms.disable_key(KeyId=key_id)
    described = kms.describe_key(KeyId=key_id)["KeyMetadata"]
    assert described["KeyState"] == "Disabled" and described["Enabled"] is False
    for call in (lambda: kms.encrypt(KeyId=key_id, Plaintext=b"x"),
                 lambda: kms.decrypt(CiphertextBlob=blob),
                 lambda: kms.generate_data_key(KeyId=key_id, KeySpec="AES_256")):
        with pytest.raises(ClientError) as disabled:
            call()
        assert error_code(disabled) == "DisabledException"
    kms.enable_key(KeyId=key_id)
    assert kms.decrypt(CiphertextBlob=blob)["Plaintext"] == b"kept"

    with pytest.raises(ClientError) as short_window:
        kms.schedule_key_deletion(KeyId=key_id, PendingWindowInDays=6)
    assert error_code(short_window) == "ValidationException"
    assert kms.describe_key(KeyId=key_id)["KeyMetadata"]["KeyState"] == "Enabled"

    scheduled = kms.schedule_key_deletion(KeyId=key_id, PendingWindowInDays=7)
    assert scheduled["KeyId"] == key["Arn"]
    assert scheduled["KeyState"] == "PendingDeletion"
    assert scheduled["PendingWindowInDays"] == 7
    until_deletion = scheduled["DeletionDate"] - datetime.datetime.now(datetime.timezone.utc)
    assert datetime.timedelta(days=7, minutes=-5) < until_deletion <= datetime.timedelta(days=7, minutes=5)
    with pytest.raises(ClientError) as pending:
        kms.decrypt(CiphertextBlob=blob)
    assert error_code(pending) == "KMSInvalidStateException"
    kms.cancel_key_deletion(KeyId=key_id)
    assert kms.describe_key(KeyId=key_id)["KeyMetadata"]["KeyState"] == "Disabled"
