package io.strongroom.store.jdbc.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.WrappedSecretSource;
import io.strongroom.iam.identity.SecretBinding;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.Sql;
import java.util.List;
import java.util.function.Function;

/**
 * The wrapped secrets of one table, for root-key rotation: every row's blob with the associated
 * data it was wrapped with ({@link SecretBinding}, as the identity service uses), and a
 * compare-and-set replacement that loses to any concurrent change.
 */
public final class JdbcWrappedSecretSource implements WrappedSecretSource {
    private final JdbcTransactor transactor;
    private final String name;
    private final String table;
    private final Function<String, byte[]> associatedData;

    private JdbcWrappedSecretSource(JdbcTransactor transactor, String name, String table, Function<String, byte[]> associatedData) {
        this.transactor = requireNonNull(transactor, "transactor");
        this.name = name;
        this.table = table;
        this.associatedData = associatedData;
    }

    /** Access-key secrets, bound to {@code "strongroom:access-key:" + accessKeyId}. */
    public static JdbcWrappedSecretSource accessKeys(JdbcTransactor transactor) {
        return new JdbcWrappedSecretSource(transactor, "access-keys", "access_keys", SecretBinding::accessKeyAad);
    }

    /** STS session secrets, bound to {@code "strongroom:sts-session:" + accessKeyId}. */
    public static JdbcWrappedSecretSource stsSessions(JdbcTransactor transactor) {
        return new JdbcWrappedSecretSource(transactor, "sts-sessions", "sts_sessions", SecretBinding::stsSessionAad);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<WrappedSecret> list() {
        return transactor.withConnection(c -> Sql.list(c,
                "SELECT access_key_id, wrapped_secret FROM " + table + " ORDER BY access_key_id",
                row -> {
                    String id = row.getString(1);
                    return new WrappedSecret(id, row.getBytes(2), associatedData.apply(id));
                }));
    }

    @Override
    public boolean replace(WrappedSecret secret, byte[] newWrapped) {
        requireNonNull(newWrapped, "newWrapped");
        return transactor.atomically(c -> Sql.update(c,
                "UPDATE " + table + " SET wrapped_secret = ? WHERE access_key_id = ? AND wrapped_secret = ?",
                newWrapped, secret.id(), secret.wrapped()) == 1);
    }

    @Override
    public String toString() {
        return "JdbcWrappedSecretSource[" + name + "]";
    }
}
