/**
 * The tamper-evident audit trail: one CloudTrail-format record per API call, hash-chained, with
 * signed digests, and an offline verifier.
 *
 * <h2>Writing</h2>
 * A service builds an {@link io.strongroom.audit.AuditEvent}; {@link io.strongroom.audit.AuditTrail}
 * redacts it ({@link io.strongroom.audit.Redaction}), writes it as canonical JSON
 * ({@link io.strongroom.audit.CanonicalJson}, RFC 8785 restricted to integers), chains it
 * ({@link io.strongroom.audit.HashChain}) and appends it through the
 * {@link io.strongroom.audit.AuditRepository} in the caller's transaction.
 * {@link io.strongroom.audit.DigestSigner} signs the chain head once a minute with the Ed25519 key
 * of {@link io.strongroom.audit.AuditSigningKeys}, whose private half is stored wrapped by the root key.
 *
 * <h2>The bytes an auditor checks</h2>
 * <ul>
 *   <li>Record hash ({@link io.strongroom.audit.HashChain}):
 *       {@code hash(n) = SHA-256(hash(n-1) || UTF-8("{\"record\":" + R + ",\"sequence\":" + n + "}"))},
 *       where {@code hash(0)} is 32 zero bytes, {@code R} the record's canonical JSON and {@code n} in
 *       plain decimal.
 *   <li>Export line ({@link io.strongroom.audit.ExportLine}), one per record:
 *       {@code {"hash":"<hex>","previousHash":"<hex>","record":R,"sequence":n}}; the hashed text is
 *       <code>{</code> followed by the line from {@code "record"} on.
 *   <li>Digest signature ({@link io.strongroom.audit.DigestDocument}): Ed25519 over the UTF-8
 *       canonical JSON of {@code digestEndTime, digestFormat ("strongroom-audit-digest/1"),
 *       digestSignatureAlgorithm ("Ed25519"), digestStartTime, firstSequence, headHash, keyId,
 *       lastSequence, previousDigestSignature} (null for the first digest); the digest file adds
 *       {@code signature}. The key id is the hex SHA-256 of the public key's SubjectPublicKeyInfo.
 * </ul>
 * {@link io.strongroom.audit.AuditVerifier} checks all of it with the public key alone.
 */
package io.strongroom.audit;
