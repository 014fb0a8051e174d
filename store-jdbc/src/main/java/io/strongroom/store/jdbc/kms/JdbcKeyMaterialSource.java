package io.strongroom.store.jdbc.kms;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.WrappedSecretSource;
import io.strongroom.kms.KeyVersion;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.Sql;
import java.util.List;
import java.util.Optional;

/**
 * The wrapped material of every KMS key version, for root-key rotation: each blob with the associated
 * data it was wrapped with ({@link KeyVersion#associatedData}), and a compare-and-set replacement
 * that loses to any concurrent change. A secret's id is {@code <key id>:<version>} ({@link #id}).
 */
public final class JdbcKeyMaterialSource implements WrappedSecretSource {
    private final JdbcTransactor transactor;

    public JdbcKeyMaterialSource(JdbcTransactor transactor) {
        this.transactor = requireNonNull(transactor, "transactor");
    }

    /** The id of a version's secret in this source. */
    public static String id(String keyId, int version) {
        return keyId + ":" + version;
    }

    @Override
    public String name() {
        return "kms-key-material";
    }

    @Override
    public List<WrappedSecret> list() {
        return transactor.withConnection(c -> Sql.list(c,
                "SELECT key_id, version, wrapped_material FROM kms_key_versions ORDER BY key_id, version",
                row -> {
                    String keyId = row.getString(1);
                    int version = row.getInt(2);
                    return new WrappedSecret(id(keyId, version), row.getBytes(3),
                            KeyVersion.associatedData(keyId, version));
                }));
    }

    @Override
    public boolean replace(WrappedSecret secret, byte[] newWrapped) {
        requireNonNull(newWrapped, "newWrapped");
        Optional<VersionId> id = VersionId.parse(secret.id());
        if (id.isEmpty()) {
            return false;
        }
        return transactor.atomically(c -> Sql.update(c, "UPDATE kms_key_versions SET wrapped_material = ?"
                        + " WHERE key_id = ? AND version = ? AND wrapped_material = ?",
                newWrapped, id.get().keyId(), id.get().version(), secret.wrapped()) == 1);
    }

    @Override
    public String toString() {
        return "JdbcKeyMaterialSource[" + name() + "]";
    }

    /** A secret id split at its last colon (key ids hold none); only ids that {@link #id} makes parse. */
    private record VersionId(String keyId, int version) {
        static Optional<VersionId> parse(String id) {
            int colon = id.lastIndexOf(':');
            if (colon < 1) {
                return Optional.empty();
            }
            try {
                VersionId parsed = new VersionId(id.substring(0, colon), Integer.parseInt(id.substring(colon + 1)));
                return id.equals(id(parsed.keyId(), parsed.version())) ? Optional.of(parsed) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
