package io.strongroom.audit;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.RootKeyProvider;
import io.strongroom.core.spi.Transactor;
import io.strongroom.core.spi.WrappedSecretSource;
import java.security.PublicKey;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The audit signing keys of this store: the newest one signs; all of them verify. The first call
 * to {@link #current()} on an empty store generates the key. It is also the root-key rotation's
 * view of the wrapped private keys ({@link WrappedSecretSource}).
 */
public final class AuditSigningKeys implements WrappedSecretSource {
    private final AuditRepository repository;
    private final Transactor transactor;
    private final RootKeyProvider rootKey;
    private final Clock clock;
    private volatile AuditSigningKey current;

    public AuditSigningKeys(AuditRepository repository, Transactor transactor, RootKeyProvider rootKey, Clock clock) {
        this.repository = requireNonNull(repository, "repository");
        this.transactor = requireNonNull(transactor, "transactor");
        this.rootKey = requireNonNull(rootKey, "rootKey");
        this.clock = requireNonNull(clock, "clock");
    }

    /** The key that signs: the newest stored one, unwrapped once and kept; generated when there is none. */
    public AuditSigningKey current() {
        AuditSigningKey key = current;
        if (key != null) {
            return key;
        }
        synchronized (this) {
            if (current == null) {
                current = transactor.inTransaction(() -> {
                    // the chain-head lock makes nodes that start together agree on one first key
                    repository.lockChainHead();
                    List<StoredSigningKey> stored = repository.listSigningKeys();
                    if (!stored.isEmpty()) {
                        return AuditSigningKey.unwrap(stored.getLast(), rootKey);
                    }
                    AuditSigningKey generated = AuditSigningKey.generate(rootKey,
                            clock.instant().truncatedTo(ChronoUnit.MILLIS));
                    repository.insertSigningKey(generated.stored());
                    return generated;
                });
            }
            return current;
        }
    }

    /** Every stored public key, oldest first: what an auditor needs to verify the whole trail. */
    public List<PublicKey> publicKeys() {
        return repository.listSigningKeys().stream()
                .map(key -> AuditSigningKey.publicKeyFromDer(key.publicKey()))
                .toList();
    }

    // ---- root-key rotation

    @Override
    public String name() {
        return "audit-signing-keys";
    }

    @Override
    public List<WrappedSecret> list() {
        return repository.listSigningKeys().stream()
                .map(key -> new WrappedSecret(key.keyId(), key.wrappedPrivateKey(),
                        AuditSigningKey.associatedData(key.keyId())))
                .toList();
    }

    @Override
    public boolean replace(WrappedSecret secret, byte[] newWrapped) {
        return repository.replaceWrappedPrivateKey(secret.id(), secret.wrapped(), newWrapped);
    }
}
