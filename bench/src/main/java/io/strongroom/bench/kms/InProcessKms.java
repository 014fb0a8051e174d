package io.strongroom.bench.kms;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.Principal;
import io.strongroom.iam.auth.StoreCredentialResolver;
import io.strongroom.kms.KmsEvents;
import io.strongroom.kms.KmsService;
import io.strongroom.organizations.guardrails.OrganizationGuardrailsProvider;
import io.strongroom.policy.PolicyEvaluator;
import io.strongroom.rootkey.RootKeyProviders;
import io.strongroom.rootkey.RootKeySettings;
import io.strongroom.rootkey.VersionedRootKeyProvider;
import io.strongroom.server.config.ServerConfig;
import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.identity.JdbcIdentityRepository;
import io.strongroom.store.jdbc.kms.JdbcKmsRepository;
import io.strongroom.store.jdbc.organizations.JdbcOrganizationsRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/**
 * The baseline: a {@link KmsService} over the (stopped) benchmark server's own store and root key,
 * built as the server builds it, with the same authorizer (IAM policies, organization guardrails) in
 * front of each key policy; no HTTP, no SigV4, no JSON, no audit record. The caller is the bootstrap
 * administrator, resolved from the store as the server resolves a signed request's access key.
 */
final class InProcessKms implements AutoCloseable {
    private static final String USER_AGENT = "strongroom-bench/in-process";

    private final VersionedRootKeyProvider rootKeys;
    private final Database database;
    private final KmsService service;
    private final Principal admin;
    private final String region;
    private final Clock clock;

    private InProcessKms(VersionedRootKeyProvider rootKeys, Database database, KmsService service, Principal admin,
                         String region, Clock clock) {
        this.rootKeys = rootKeys;
        this.database = database;
        this.service = service;
        this.admin = admin;
        this.region = region;
        this.clock = clock;
    }

    /** Opens the store and root key that {@code config} names; the server using them must have stopped. */
    static InProcessKms open(ServerConfig config, Map<String, String> environment, String adminAccessKeyId) {
        requireNonNull(adminAccessKeyId, "adminAccessKeyId");
        Clock clock = Clock.systemUTC();
        VersionedRootKeyProvider rootKeys = RootKeyProviders.open(
                RootKeySettings.fromMap(config.rootKey().asProviderSettings(), config.dataDir()), environment);
        Database database = Database.open(config.dbUrl());
        try {
            JdbcIdentityRepository identities = new JdbcIdentityRepository(database.transactor());
            OrganizationGuardrailsProvider guardrails = new OrganizationGuardrailsProvider(identities,
                    new JdbcOrganizationsRepository(database.transactor()), database.transactor(), clock);
            AccessAuthorizer authorizer = new AccessAuthorizer(identities, new PolicyEvaluator(), clock,
                    AccessAuthorizer.DEFAULT_CACHE_TTL, guardrails);
            KmsService service = new KmsService(new JdbcKmsRepository(database.transactor(), database.vendor()),
                    rootKeys, database.transactor(), authorizer, clock, KmsService.Settings.defaults(config.region()),
                    KmsEvents.NONE);
            Principal admin = new StoreCredentialResolver(identities, rootKeys, clock,
                    StoreCredentialResolver.DEFAULT_CACHE_TTL).resolve(adminAccessKeyId)
                    .orElseThrow(() -> new IllegalStateException("the administrator's key is not in the store"))
                    .principal();
            return new InProcessKms(rootKeys, database, service, admin, config.region(), clock);
        } catch (RuntimeException | Error e) {
            database.close();
            rootKeys.close();
            throw e;
        }
    }

    KmsService service() {
        return service;
    }

    /** A call by the administrator, received now, as the API pipeline builds one for a plain-HTTP loopback request. */
    CallContext call(String requestId) {
        return new CallContext(requestId, admin, "127.0.0.1", USER_AGENT, false, region, clock.instant());
    }

    /** KMS audit records in the store by event name: what the HTTP run left behind. */
    Map<String, Long> kmsAuditRecords() {
        return database.transactor().withConnection(connection -> {
            Map<String, Long> counts = new TreeMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT event_name, COUNT(*) FROM audit_records WHERE event_source = ? GROUP BY event_name")) {
                select.setString(1, "kms.amazonaws.com");
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            return counts;
        });
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            rootKeys.close();
        }
    }
}
