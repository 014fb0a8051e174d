package io.strongroom.protocol.kms;

import io.strongroom.kms.KeySpec;
import io.strongroom.kms.KeyState;
import io.strongroom.kms.KmsErrors;
import io.strongroom.kms.KmsKey;
import io.strongroom.kms.KmsService;
import io.strongroom.kms.crypto.Macs;
import io.strongroom.kms.crypto.RsaEncryption;
import io.strongroom.kms.crypto.Signatures;
import io.strongroom.protocol.json.JsonInput;
import io.strongroom.protocol.json.JsonOperation;
import io.strongroom.protocol.json.JsonResult;
import io.strongroom.protocol.json.JsonWriter;
import io.strongroom.protocol.json.StringConstraints;
import java.util.List;
import java.util.Optional;

/** Shapes shared by the KMS operation families: KeyMetadata, paging members, common inputs. */
final class KmsShapes {
    static final StringConstraints KEY_ID = StringConstraints.length(1, 2048);
    static final StringConstraints MARKER = StringConstraints.length(1, 1024);
    static final StringConstraints GRANT_TOKEN = StringConstraints.length(1, 8192);
    static final int MAX_GRANT_TOKENS = 10;

    private KmsShapes() {
    }

    /**
     * An operation that takes {@code DryRun}: run as asked (validated, authorised, its preconditions
     * checked), then answered with DryRunOperationException instead of its result. For a change the
     * exception rolls the call's transaction back, so nothing of it remains.
     */
    static JsonOperation dryRunnable(JsonOperation operation) {
        return (in, call) -> {
            boolean dryRun = in.bool("DryRun").orElse(false);
            JsonResult result = operation.execute(in, call);
            if (dryRun) {
                throw KmsErrors.dryRun();
            }
            return result;
        };
    }

    static List<String> grantTokens(JsonInput in) {
        return in.stringList("GrantTokens", 0, MAX_GRANT_TOKENS, GRANT_TOKEN);
    }

    static Optional<String> marker(JsonInput in) {
        return in.string("Marker", MARKER);
    }

    static int limit(JsonInput in, int max, int fallback) {
        return in.integer("Limit", 1, max).orElse(fallback);
    }

    /** NextMarker and Truncated, as every KMS listing ends. */
    static <T> void page(JsonWriter out, KmsService.Page<T> page) {
        out.string("NextMarker", page.nextMarker());
        out.bool("Truncated", page.truncated());
    }

    static void keyMetadata(JsonWriter out, KmsKey key) {
        out.object("KeyMetadata", metadata -> writeMetadata(metadata, key));
    }

    static void writeMetadata(JsonWriter out, KmsKey key) {
        out.string("AWSAccountId", key.accountId())
                .string("KeyId", key.keyId())
                .string("Arn", key.arn())
                .timestamp("CreationDate", key.creationDate())
                .bool("Enabled", key.state() == KeyState.ENABLED)
                .string("Description", key.description())
                .string("KeyUsage", key.keyUsage().name())
                .string("KeyState", key.state().wireName())
                .timestamp("DeletionDate", key.deletionDate())
                .string("Origin", "AWS_KMS")
                .string("KeyManager", key.keyManager().name())
                .string("CustomerMasterKeySpec", key.keySpec().name())
                .string("KeySpec", key.keySpec().name());
        algorithms(out, key);
        out.bool("MultiRegion", false);
        key.pendingWindowDays().ifPresent(days -> out.number("PendingDeletionWindowInDays", days));
    }

    /** The algorithms a key offers, by its spec and usage, as DescribeKey and GetPublicKey list them. */
    static void algorithms(JsonWriter out, KmsKey key) {
        KeySpec spec = key.keySpec();
        switch (key.keyUsage()) {
            case ENCRYPT_DECRYPT -> out.stringList("EncryptionAlgorithms", spec.symmetric()
                    ? List.of("SYMMETRIC_DEFAULT") : RsaEncryption.encryptionAlgorithms(spec.name()));
            case SIGN_VERIFY -> out.stringList("SigningAlgorithms", Signatures.signingAlgorithms(spec.name()));
            case GENERATE_VERIFY_MAC -> out.stringList("MacAlgorithms", Macs.macAlgorithms(spec.name()));
        }
    }

}
