/**
 * The asymmetric and HMAC primitives of KMS keys, on the JDK's providers only: key-pair generation,
 * Sign/Verify, RSA Encrypt/Decrypt and GenerateMac/VerifyMac. Key specs and algorithms are the AWS KMS
 * wire strings; key material is DER (PKCS#8, SubjectPublicKeyInfo) or raw HMAC bytes that the caller
 * owns and stores wrapped. Requests that do not fit fail with {@link io.strongroom.kms.crypto.KmsCryptoException}.
 */
package io.strongroom.kms.crypto;
