/**
 * Encryption at rest of object bodies: each version's body is sealed under its own data key with Tink's
 * streaming AEAD (AES-GCM-HKDF, 1 MiB segments), bound to the bucket, key and version it belongs to, so a
 * ranged GET decrypts and authenticates only the segments it touches.
 */
package io.strongroom.s3.crypto;
