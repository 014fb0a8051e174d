package io.strongroom.kms;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Permission for a principal to use a key in some operations, without changing the key policy.
 *
 * @param grantId                 64 hex digits
 * @param keyId                   the key it applies to
 * @param name                    the optional name given at creation (a retry with the same name returns the same grant)
 * @param granteePrincipal        the ARN allowed to use the key
 * @param retiringPrincipal       an ARN allowed to retire the grant
 * @param issuingAccount          the account root ARN of whoever created the grant
 * @param operations              the KMS operations allowed (wire names)
 * @param encryptionContextSubset the context pairs a request must include, if constrained that way
 * @param encryptionContextEquals the exact context a request must have, if constrained that way
 * @param tokenHash               SHA-256 of the grant token handed out at creation
 */
public record Grant(String grantId, String keyId, Optional<String> name, String granteePrincipal,
                    Optional<String> retiringPrincipal, String issuingAccount, List<String> operations,
                    Optional<Map<String, String>> encryptionContextSubset,
                    Optional<Map<String, String>> encryptionContextEquals, Instant creationDate, byte[] tokenHash) {

    public Grant {
        requireNonNull(grantId, "grantId");
        requireNonNull(keyId, "keyId");
        requireNonNull(name, "name");
        requireNonNull(granteePrincipal, "granteePrincipal");
        requireNonNull(retiringPrincipal, "retiringPrincipal");
        requireNonNull(issuingAccount, "issuingAccount");
        operations = List.copyOf(operations);
        encryptionContextSubset = encryptionContextSubset.map(Map::copyOf);
        encryptionContextEquals = encryptionContextEquals.map(Map::copyOf);
        requireNonNull(creationDate, "creationDate");
        requireNonNull(tokenHash, "tokenHash");
    }
}
