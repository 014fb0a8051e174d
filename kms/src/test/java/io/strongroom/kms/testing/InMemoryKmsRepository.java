package io.strongroom.kms.testing;

import io.strongroom.iam.identity.DuplicateEntityException;
import io.strongroom.kms.Grant;
import io.strongroom.kms.KeyAlias;
import io.strongroom.kms.KeyState;
import io.strongroom.kms.KeyVersion;
import io.strongroom.kms.KmsKey;
import io.strongroom.kms.KmsRepository;
import io.strongroom.kms.RotationSettings;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The {@link KmsRepository} contract over maps, for tests. It behaves as the JDBC store does where
 * the interface leaves room: instants are kept to the millisecond, byte arrays are copied in and out
 * (a caller's later change to its array never reaches the store), and a version, alias or grant
 * must name a key that exists. {@link #snapshot()} and {@link #restore} let
 * {@link InMemoryKmsTransactor} roll back.
 */
public final class InMemoryKmsRepository implements KmsRepository {

    /** Where an alias lives: its name is unique per account and region. */
    private record AliasId(String accountId, String region, String aliasName) {
    }

    private static final Comparator<AliasId> ALIAS_ORDER = Comparator.comparing(AliasId::accountId)
            .thenComparing(AliasId::region).thenComparing(AliasId::aliasName);

    /** All state, copied whole for snapshots; stored values are never mutated, so shallow copies suffice. */
    private static final class State {
        TreeMap<String, KmsKey> keys = new TreeMap<>();
        Map<String, TreeMap<Integer, KeyVersion>> versions = new HashMap<>();
        TreeMap<AliasId, KeyAlias> aliases = new TreeMap<>(ALIAS_ORDER);
        TreeMap<String, Grant> grants = new TreeMap<>();

        State copy() {
            State copy = new State();
            copy.keys = new TreeMap<>(keys);
            versions.forEach((keyId, byVersion) -> copy.versions.put(keyId, new TreeMap<>(byVersion)));
            copy.aliases = new TreeMap<>(aliases);
            copy.grants = new TreeMap<>(grants);
            return copy;
        }
    }

    private State state = new State();

    public synchronized Object snapshot() {
        return state.copy();
    }

    public synchronized void restore(Object snapshot) {
        state = ((State) snapshot).copy();
    }

    // ---- keys

    @Override
    public synchronized void insertKey(KmsKey key) {
        if (state.keys.containsKey(key.keyId())) {
            throw new DuplicateEntityException("key " + key.keyId());
        }
        state.keys.put(key.keyId(), stored(key));
    }

    @Override
    public synchronized Optional<KmsKey> findKey(String keyId) {
        return Optional.ofNullable(state.keys.get(keyId));
    }

    @Override
    public synchronized Optional<KmsKey> findKeyForUpdate(String keyId) {
        // every call is synchronized already, and a transaction runs on one thread
        return findKey(keyId);
    }

    @Override
    public synchronized boolean updateKey(KmsKey key) {
        if (!state.keys.containsKey(key.keyId())) {
            return false;
        }
        state.keys.put(key.keyId(), stored(key));
        return true;
    }

    @Override
    public synchronized List<KmsKey> listKeys(String accountId, String region, Optional<String> afterKeyId, int limit) {
        Map<String, KmsKey> after = afterKeyId.isPresent() ? state.keys.tailMap(afterKeyId.get(), false) : state.keys;
        return after.values().stream()
                .filter(k -> k.accountId().equals(accountId) && k.region().equals(region)
                        && k.state() != KeyState.DESTROYED)
                .limit(Math.max(limit, 0))
                .toList();
    }

    @Override
    public synchronized List<KmsKey> keysDueForRotation(Instant now, int limit) {
        return due(k -> k.rotation().enabled() && k.state() == KeyState.ENABLED,
                k -> k.rotation().nextRotationDate(), now, limit);
    }

    @Override
    public synchronized List<KmsKey> keysDueForDeletion(Instant now, int limit) {
        return due(k -> k.state() == KeyState.PENDING_DELETION, KmsKey::deletionDate, now, limit);
    }

    /** The keys whose date is at or before {@code now}, earliest first (then by key id). */
    private List<KmsKey> due(Predicate<KmsKey> eligible, Function<KmsKey, Optional<Instant>> date,
                             Instant now, int limit) {
        return state.keys.values().stream()
                .filter(eligible)
                .filter(k -> date.apply(k).filter(d -> !d.isAfter(now)).isPresent())
                .sorted(Comparator.comparing((KmsKey k) -> date.apply(k).orElseThrow()).thenComparing(KmsKey::keyId))
                .limit(Math.max(limit, 0))
                .toList();
    }

    // ---- material

    @Override
    public synchronized void insertVersion(KeyVersion version) {
        requireKey(version.keyId());
        TreeMap<Integer, KeyVersion> byVersion = state.versions.computeIfAbsent(version.keyId(), k -> new TreeMap<>());
        if (byVersion.containsKey(version.version())) {
            throw new DuplicateEntityException("version " + version.version() + " of key " + version.keyId());
        }
        byVersion.put(version.version(), copy(version));
    }

    @Override
    public synchronized Optional<KeyVersion> findVersion(String keyId, int version) {
        return Optional.ofNullable(state.versions.getOrDefault(keyId, new TreeMap<>()).get(version))
                .map(InMemoryKmsRepository::copy);
    }

    @Override
    public synchronized List<KeyVersion> listVersions(String keyId) {
        return state.versions.getOrDefault(keyId, new TreeMap<>()).values().stream()
                .map(InMemoryKmsRepository::copy).toList();
    }

    @Override
    public synchronized int deleteVersions(String keyId) {
        TreeMap<Integer, KeyVersion> removed = state.versions.remove(keyId);
        return removed == null ? 0 : removed.size();
    }

    // ---- aliases

    @Override
    public synchronized void insertAlias(KeyAlias alias) {
        requireKey(alias.targetKeyId());
        AliasId id = new AliasId(alias.accountId(), alias.region(), alias.aliasName());
        if (state.aliases.containsKey(id)) {
            throw new DuplicateEntityException("alias " + alias.aliasName());
        }
        state.aliases.put(id, stored(alias));
    }

    @Override
    public synchronized Optional<KeyAlias> findAlias(String accountId, String region, String aliasName) {
        return Optional.ofNullable(state.aliases.get(new AliasId(accountId, region, aliasName)));
    }

    @Override
    public synchronized boolean updateAlias(KeyAlias alias) {
        AliasId id = new AliasId(alias.accountId(), alias.region(), alias.aliasName());
        KeyAlias existing = state.aliases.get(id);
        if (existing == null) {
            return false;
        }
        requireKey(alias.targetKeyId());
        state.aliases.put(id, stored(new KeyAlias(existing.accountId(), existing.region(), existing.aliasName(),
                alias.targetKeyId(), existing.creationDate(), alias.lastUpdatedDate())));
        return true;
    }

    @Override
    public synchronized boolean deleteAlias(String accountId, String region, String aliasName) {
        return state.aliases.remove(new AliasId(accountId, region, aliasName)) != null;
    }

    @Override
    public synchronized List<KeyAlias> listAliases(String accountId, String region, Optional<String> targetKeyId,
                                                   Optional<String> afterAliasName, int limit) {
        return state.aliases.values().stream()
                .filter(a -> a.accountId().equals(accountId) && a.region().equals(region))
                .filter(a -> targetKeyId.map(a.targetKeyId()::equals).orElse(true))
                .filter(a -> afterAliasName.map(after -> a.aliasName().compareTo(after) > 0).orElse(true))
                .limit(Math.max(limit, 0))
                .toList();
    }

    @Override
    public synchronized int deleteAliasesOf(String keyId) {
        int before = state.aliases.size();
        state.aliases.values().removeIf(a -> a.targetKeyId().equals(keyId));
        return before - state.aliases.size();
    }

    // ---- grants

    @Override
    public synchronized void insertGrant(Grant grant) {
        requireKey(grant.keyId());
        if (state.grants.containsKey(grant.grantId())) {
            throw new DuplicateEntityException("grant " + grant.grantId());
        }
        if (state.grants.values().stream().anyMatch(g -> Arrays.equals(g.tokenHash(), grant.tokenHash()))) {
            throw new DuplicateEntityException("a grant with the same token");
        }
        state.grants.put(grant.grantId(), stored(grant));
    }

    @Override
    public synchronized Optional<Grant> findGrant(String keyId, String grantId) {
        return Optional.ofNullable(state.grants.get(grantId)).filter(g -> g.keyId().equals(keyId))
                .map(InMemoryKmsRepository::copy);
    }

    @Override
    public synchronized Optional<Grant> findGrantByTokenHash(byte[] tokenHash) {
        return state.grants.values().stream().filter(g -> Arrays.equals(g.tokenHash(), tokenHash)).findFirst()
                .map(InMemoryKmsRepository::copy);
    }

    @Override
    public synchronized List<Grant> listGrants(String keyId) {
        return grants(g -> g.keyId().equals(keyId),
                Comparator.comparing(Grant::creationDate).thenComparing(Grant::grantId));
    }

    @Override
    public synchronized List<Grant> listGrantsRetirableBy(String retiringPrincipal) {
        return grants(g -> g.retiringPrincipal().filter(retiringPrincipal::equals).isPresent(),
                Comparator.comparing(Grant::keyId).thenComparing(Grant::grantId));
    }

    private List<Grant> grants(Predicate<Grant> which, Comparator<Grant> order) {
        return state.grants.values().stream().filter(which).sorted(order).map(InMemoryKmsRepository::copy).toList();
    }

    @Override
    public synchronized boolean deleteGrant(String keyId, String grantId) {
        Grant grant = state.grants.get(grantId);
        if (grant == null || !grant.keyId().equals(keyId)) {
            return false;
        }
        state.grants.remove(grantId);
        return true;
    }

    @Override
    public synchronized int deleteGrantsOf(String keyId) {
        int before = state.grants.size();
        state.grants.values().removeIf(g -> g.keyId().equals(keyId));
        return before - state.grants.size();
    }

    // ---- what the JDBC store does to values on the way in

    private void requireKey(String keyId) {
        if (!state.keys.containsKey(keyId)) {
            throw new IllegalArgumentException("no key " + keyId);
        }
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static KmsKey stored(KmsKey key) {
        RotationSettings rotation = key.rotation();
        return new KmsKey(key.keyId(), key.accountId(), key.region(), key.description(), key.keySpec(),
                key.keyUsage(), key.state(), millis(key.creationDate()),
                key.deletionDate().map(InMemoryKmsRepository::millis), key.pendingWindowDays(), key.policy(),
                new RotationSettings(rotation.enabled(), rotation.periodDays(),
                        rotation.nextRotationDate().map(InMemoryKmsRepository::millis)),
                key.currentVersion(), key.lastRotationDate().map(InMemoryKmsRepository::millis),
                key.onDemandRotations(), key.tags(), key.keyManager());
    }

    private static KeyAlias stored(KeyAlias alias) {
        return new KeyAlias(alias.accountId(), alias.region(), alias.aliasName(), alias.targetKeyId(),
                millis(alias.creationDate()), millis(alias.lastUpdatedDate()));
    }

    private static Grant stored(Grant grant) {
        return copy(new Grant(grant.grantId(), grant.keyId(), grant.name(), grant.granteePrincipal(),
                grant.retiringPrincipal(), grant.issuingAccount(), grant.operations(), grant.encryptionContextSubset(),
                grant.encryptionContextEquals(), millis(grant.creationDate()), grant.tokenHash()));
    }

    private static KeyVersion copy(KeyVersion version) {
        return new KeyVersion(version.keyId(), version.version(), version.wrappedMaterial().clone(),
                version.publicKey().map(byte[]::clone), millis(version.createdAt()), version.rotationType());
    }

    private static Grant copy(Grant grant) {
        return new Grant(grant.grantId(), grant.keyId(), grant.name(), grant.granteePrincipal(),
                grant.retiringPrincipal(), grant.issuingAccount(), grant.operations(), grant.encryptionContextSubset(),
                grant.encryptionContextEquals(), grant.creationDate(), grant.tokenHash().clone());
    }
}
