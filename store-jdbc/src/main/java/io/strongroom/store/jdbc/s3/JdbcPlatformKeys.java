package io.strongroom.store.jdbc.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.RootKeyProvider;
import io.strongroom.core.spi.WrappedSecretSource;
import io.strongroom.s3.PlatformKeys;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.Sql;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SSE-S3's platform keys in {@code s3_platform_keys}, each wrapped by the root key and bound to its id;
 * also their source for root-key rotation. An unwrapped key is held in memory for at most
 * {@link #DEFAULT_TTL}, and every caller gets its own copy to wipe.
 */
public final class JdbcPlatformKeys implements PlatformKeys, WrappedSecretSource {
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
    private static final int KEY_BYTES = 32;

    private final JdbcTransactor transactor;
    private final RootKeyProvider rootKeys;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Unwrapped> unwrapped = new ConcurrentHashMap<>();
    private volatile Unwrapped current;

    public JdbcPlatformKeys(JdbcTransactor transactor, RootKeyProvider rootKeys, Clock clock, Duration ttl) {
        this.transactor = requireNonNull(transactor, "transactor");
        this.rootKeys = requireNonNull(rootKeys, "rootKeys");
        this.clock = requireNonNull(clock, "clock");
        this.ttl = requireNonNull(ttl, "ttl");
    }

    /** What a platform key is bound to when the root key wraps it. */
    static byte[] associatedData(String keyId) {
        return ("strongroom:s3-platform-key:" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public PlatformKey current() {
        Unwrapped held = current;
        if (held == null || held.expired(clock.instant(), ttl)) {
            held = loadCurrent();
            current = held;
        }
        return held.copy();
    }

    @Override
    public Optional<PlatformKey> find(String keyId) {
        requireNonNull(keyId, "keyId");
        Instant now = clock.instant();
        Unwrapped held = unwrapped.get(keyId);
        if (held == null || held.expired(now, ttl)) {
            if (held != null) {
                Arrays.fill(held.material(), (byte) 0);
            }
            Optional<byte[]> wrapped = transactor.withConnection(c -> Sql.one(c,
                    "SELECT wrapped_key FROM s3_platform_keys WHERE key_id = ?", row -> row.getBytes(1), keyId));
            if (wrapped.isEmpty()) {
                return Optional.empty();
            }
            held = new Unwrapped(keyId, rootKeys.unwrap(wrapped.get(), associatedData(keyId)), now);
            unwrapped.put(keyId, held);
        }
        return Optional.of(held.copy());
    }

    private Unwrapped loadCurrent() {
        Optional<String> newest = newestId();
        if (newest.isEmpty()) {
            create();
            newest = newestId(); // another node may have made one at the same moment: the newest wins everywhere
        }
        String id = newest.orElseThrow();
        PlatformKey key = find(id).orElseThrow();
        return new Unwrapped(id, key.material(), clock.instant());
    }

    private Optional<String> newestId() {
        return transactor.withConnection(c -> Sql.one(c,
                "SELECT key_id FROM s3_platform_keys ORDER BY created DESC, key_id DESC LIMIT 1",
                row -> row.getString(1)));
    }

    private void create() {
        byte[] material = new byte[KEY_BYTES];
        rootKeys.random().nextBytes(material);
        byte[] idBytes = new byte[16];
        rootKeys.random().nextBytes(idBytes);
        String id = HexFormat.of().formatHex(idBytes);
        byte[] wrapped = rootKeys.wrap(material, associatedData(id));
        Arrays.fill(material, (byte) 0);
        transactor.atomically(c -> Sql.update(c,
                "INSERT INTO s3_platform_keys (key_id, wrapped_key, created) VALUES (?, ?, ?)",
                id, wrapped, clock.millis()));
    }

    // ---- root-key rotation

    @Override
    public String name() {
        return "s3-platform-keys";
    }

    @Override
    public List<WrappedSecret> list() {
        return transactor.withConnection(c -> Sql.list(c,
                "SELECT key_id, wrapped_key FROM s3_platform_keys ORDER BY key_id",
                row -> new WrappedSecret(row.getString(1), row.getBytes(2), associatedData(row.getString(1)))));
    }

    @Override
    public boolean replace(WrappedSecret secret, byte[] newWrapped) {
        requireNonNull(newWrapped, "newWrapped");
        return transactor.atomically(c -> Sql.update(c,
                "UPDATE s3_platform_keys SET wrapped_key = ? WHERE key_id = ? AND wrapped_key = ?",
                newWrapped, secret.id(), secret.wrapped()) == 1);
    }

    @Override
    public String toString() {
        return "JdbcPlatformKeys[" + name() + "]";
    }

    private record Unwrapped(String id, byte[] material, Instant loadedAt) {
        PlatformKey copy() {
            return new PlatformKey(id, material.clone());
        }

        boolean expired(Instant now, Duration ttl) {
            return now.isAfter(loadedAt.plus(ttl));
        }
    }
}
