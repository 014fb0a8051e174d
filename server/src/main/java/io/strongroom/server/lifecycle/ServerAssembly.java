package io.strongroom.server.lifecycle;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.AuditGroupCommitter;
import io.strongroom.audit.AuditSigningKeys;
import io.strongroom.audit.AuditTrail;
import io.strongroom.audit.DigestSigner;
import io.strongroom.audit.Redaction;
import io.strongroom.audit.export.AuditExporter;
import io.strongroom.audit.export.AuditRetention;
import io.strongroom.audit.trails.CloudTrailService;
import io.strongroom.core.StripedRandom;
import io.strongroom.core.spi.RootKeyException;
import io.strongroom.core.spi.RootKeyProvider;
import io.strongroom.core.spi.WrappedSecretSource;
import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.access.RequestExplainer;
import io.strongroom.iam.access.RequestExplainer.ExplainRequest;
import io.strongroom.iam.auth.AccessKeyUsageRecorder;
import io.strongroom.iam.auth.RequestAuthenticator;
import io.strongroom.iam.auth.SigV4RequestAuthenticator;
import io.strongroom.iam.auth.StoreCredentialResolver;
import io.strongroom.iam.bootstrap.Bootstrap;
import io.strongroom.iam.identity.IdentityService;
import io.strongroom.iam.simulation.PolicySimulator;
import io.strongroom.iam.sts.StsService;
import io.strongroom.kms.KmsService;
import io.strongroom.organizations.OrganizationsService;
import io.strongroom.organizations.guardrails.OrganizationGuardrailsProvider;
import io.strongroom.policy.Explanation;
import io.strongroom.policy.PolicyEvaluator;
import io.strongroom.protocol.ServiceHandler;
import io.strongroom.protocol.cloudtrail.CloudTrailJsonHandler;
import io.strongroom.protocol.kms.KmsJsonHandler;
import io.strongroom.protocol.iam.IamQueryHandler;
import io.strongroom.protocol.organizations.OrganizationsJsonHandler;
import io.strongroom.protocol.sts.StsQueryHandler;
import io.strongroom.rootkey.RootKeyProviders;
import io.strongroom.rootkey.RootKeyRotation;
import io.strongroom.rootkey.RootKeySettings;
import io.strongroom.rootkey.VersionedRootKeyProvider;
import io.strongroom.server.audit.AuditExports;
import io.strongroom.server.audit.CallRecorder;
import io.strongroom.server.audit.KmsServiceEvents;
import io.strongroom.server.audit.S3ServiceEvents;
import io.strongroom.server.audit.StoreCallRecorder;
import io.strongroom.server.audit.UnrecordedCalls;
import io.strongroom.server.config.AuditSettings;
import io.strongroom.server.config.ConfigurationException;
import io.strongroom.server.config.ServerConfig;
import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.audit.JdbcAuditRepository;
import io.strongroom.store.jdbc.blob.JdbcBlobStore;
import io.strongroom.store.jdbc.audit.JdbcExportCursorRepository;
import io.strongroom.store.jdbc.audit.JdbcTrailRepository;
import io.strongroom.store.jdbc.identity.JdbcIdentityRepository;
import io.strongroom.store.jdbc.identity.JdbcWrappedSecretSource;
import io.strongroom.store.jdbc.kms.JdbcKeyMaterialSource;
import io.strongroom.store.jdbc.kms.JdbcKmsRepository;
import io.strongroom.store.jdbc.organizations.JdbcOrganizationsRepository;
import java.io.PrintStream;
import io.strongroom.blobstore.FileBlobStore;
import io.strongroom.blobstore.TieredBlobStore;
import io.strongroom.protocol.s3.S3RestHandler;
import io.strongroom.s3.EnvelopeDataKeys;
import io.strongroom.s3.S3Events;
import io.strongroom.s3.S3Service;
import io.strongroom.s3.crypto.BodyCipher;
import io.strongroom.s3.crypto.GcmWarmUp;
import io.strongroom.s3.crypto.SegmentCipher;
import io.strongroom.s3.crypto.UnencryptedBodies;
import io.strongroom.store.jdbc.s3.JdbcMultipartRepository;
import io.strongroom.store.jdbc.s3.JdbcRestoreRepository;
import io.strongroom.store.jdbc.s3.JdbcPlatformKeys;
import io.strongroom.store.jdbc.s3.JdbcS3Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Wires the real components: root-key provider, then the JDBC store (migrated on open), then the
 * bootstrap, then the IAM, STS, Organizations, CloudTrail, KMS and S3 services with their protocol
 * handlers, the audit trail and the SigV4 authenticator. Also runs {@code root-key rotate} over
 * the store's wrapped secrets.
 */
public final class ServerAssembly implements ComponentsFactory, RootKeyRotationRunner, ExplainRunner {

    private static final Logger LOG = Logger.getLogger(ServerAssembly.class.getName());
    private static final Duration KEY_USAGE_FLUSH_INTERVAL = Duration.ofSeconds(5);
    /** How often due key rotations and deletions are looked for; both are due to the day, so a minute is plenty. */
    private static final Duration KMS_SCHEDULE_INTERVAL = Duration.ofMinutes(1);
    /** Lifecycle rules are due to the day; a pass every minute, each bounded, keeps up without bursts. */
    private static final Duration LIFECYCLE_INTERVAL = Duration.ofMinutes(1);
    private static final int LIFECYCLE_ACTIONS_PER_PASS = 10_000;

    private final Map<String, String> environment;
    private final Clock clock;
    private final Duration lifecycleInterval;
    private final PrintStream console;

    /**
     * @param environment where secret sources named by the configuration (a PIN, a passphrase) are read
     * @param clock       the clock for every component
     * @param console     where {@code start-dev} prints the bootstrap administrator's generated key once
     */
    public ServerAssembly(Map<String, String> environment, Clock clock, PrintStream console) {
        this(environment, clock, console, LIFECYCLE_INTERVAL);
    }

    /**
     * @param lifecycleInterval how often the S3 lifecycle scheduler passes: every minute, but in tests
     *                          that move the clock and watch what a pass does
     */
    public ServerAssembly(Map<String, String> environment, Clock clock, PrintStream console,
                          Duration lifecycleInterval) {
        this.environment = Map.copyOf(requireNonNull(environment, "environment"));
        this.clock = requireNonNull(clock, "clock");
        this.console = requireNonNull(console, "console");
        this.lifecycleInterval = requireNonNull(lifecycleInterval, "lifecycleInterval");
    }

    public ServerAssembly(Map<String, String> environment) {
        this(environment, Clock.systemUTC(), System.out);
    }

    @Override
    public Components open(ServerConfig config) {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            RootKeyProvider rootKeys = openRootKey(config);
            opened.add(rootKeys);
            Database database = Database.open(config.dbUrl());
            opened.add(0, database);
            JdbcIdentityRepository repository = new JdbcIdentityRepository(database.transactor());

            try {
                Bootstrap bootstrap = new Bootstrap(repository, database.transactor(), rootKeys, clock);
                new AdminBootstrap(database.transactor(), () -> bootstrap.run(config.bootstrapAdmin()), config, console)
                        .run();
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("Environment variables STRONGROOM_ADMIN_ACCESS_KEY_ID and "
                        + "STRONGROOM_ADMIN_SECRET_ACCESS_KEY: " + e.getMessage());
            }
            opened.add(0, new ExpiredSessionPurger(repository::deleteSessionsExpiredBefore, clock,
                    ExpiredSessionPurger.RETENTION).start(ExpiredSessionPurger.INTERVAL));

            JdbcOrganizationsRepository organizationStore = new JdbcOrganizationsRepository(database.transactor());
            OrganizationGuardrailsProvider guardrails = new OrganizationGuardrailsProvider(repository,
                    organizationStore, database.transactor(), clock);
            PolicyEvaluator evaluator = new PolicyEvaluator();
            AccessAuthorizer authorizer = new AccessAuthorizer(repository, evaluator, clock,
                    AccessAuthorizer.DEFAULT_CACHE_TTL, guardrails);
            OrganizationsService organizations = new OrganizationsService(repository, organizationStore,
                    database.transactor(), authorizer, clock, List.of(guardrails));
            organizations.ensureInitialised();
            JdbcAuditRepository auditRecords = new JdbcAuditRepository(database.transactor(), database.vendor());
            CloudTrailService cloudTrail = new CloudTrailService(new JdbcTrailRepository(database.transactor()),
                    auditRecords, repository, database.transactor(), authorizer, clock, config.region());
            cloudTrail.ensureInitialised(); // the organization's default trail, once
            AccessKeyUsageRecorder usage = new AccessKeyUsageRecorder(repository, clock);
            usage.startPeriodicFlush(KEY_USAGE_FLUSH_INTERVAL);
            opened.add(0, usage); // flushed before the store closes
            StoreCredentialResolver credentials = new StoreCredentialResolver(repository, rootKeys, clock,
                    StoreCredentialResolver.DEFAULT_CACHE_TTL, Optional.of(usage));
            IdentityService identities = new IdentityService(repository, database.transactor(), rootKeys,
                    authorizer, clock, List.of(authorizer, credentials));
            StsService sts = new StsService(repository, database.transactor(), rootKeys, authorizer, clock);

            AuditRecording audit = openAuditTrail(config, database, auditRecords, rootKeys, cloudTrail);
            opened.add(0, audit.upkeep()); // records flushed and a last digest signed before the store closes

            KmsService kms = new KmsService(new JdbcKmsRepository(database.transactor(), database.vendor()), rootKeys,
                    database.transactor(), authorizer, clock, KmsService.Settings.defaults(config.region())
                            .withOnDemandRotationLimit(config.kmsOnDemandRotationLimit()),
                    new KmsServiceEvents(audit.trail(), clock, audit.recorder()));
            opened.add(0, PeriodicTask.start("kms-scheduler", KMS_SCHEDULE_INTERVAL, kms::runScheduledWork));

            S3Service s3 = openObjectStore(config, database, rootKeys, kms, authorizer,
                    new S3ServiceEvents(audit.trail(), clock));
            opened.add(0, PeriodicTask.start("s3-lifecycle", lifecycleInterval,
                    () -> s3.runLifecycle(LIFECYCLE_ACTIONS_PER_PASS)));

            RequestAuthenticator authenticator = new SigV4RequestAuthenticator(credentials, clock);
            PolicySimulator simulator = new PolicySimulator(repository, database.transactor(), authorizer, evaluator);
            List<ServiceHandler> handlers = List.of(new IamQueryHandler(identities, simulator),
                    new StsQueryHandler(sts), new OrganizationsJsonHandler(organizations),
                    new CloudTrailJsonHandler(cloudTrail), new KmsJsonHandler(kms),
                    new S3RestHandler(s3, config.s3().virtualHostDomain()));
            String homeAccountId = repository.findOrganization().orElseThrow().managementAccountId();
            return new AssembledComponents(authenticator, handlers, audit.recorder(), homeAccountId, Map.of(
                    "store", storeCheck(repository),
                    "rootKey", () -> !rootKeys.currentVersion().isEmpty(),
                    "bootstrap", () -> true), opened);
        } catch (RuntimeException | Error e) {
            closeAll(opened);
            throw e;
        }
    }

    @Override
    public Summary rotate(ServerConfig config) {
        try (VersionedRootKeyProvider rootKeys = openRootKey(config); Database database = Database.open(config.dbUrl())) {
            RootKeyRotation.Report report =
                    new RootKeyRotation(rootKeys, wrappedSecrets(database, rootKeys)).rotate();
            String summary = "Root key rotated from " + report.previousVersion() + " to " + report.currentVersion()
                    + ": " + report.rewrapped() + " secrets re-wrapped, " + report.alreadyCurrent() + " already current, "
                    + report.conflicts() + " changed concurrently, " + report.vanished() + " deleted meanwhile"
                    + (report.complete()
                            ? "; " + report.previousVersion() + " stays readable: running servers pick up "
                                    + report.currentVersion() + " on their own; retire old versions later with"
                                    + " `strongroom root-key retire`"
                            : "; " + report.failures().size() + " failures (those secrets are unchanged): "
                                    + abbreviated(report.failures()));
            return new Summary(report.complete(), summary);
        }
    }

    @Override
    public Summary retire(ServerConfig config) {
        try (VersionedRootKeyProvider rootKeys = openRootKey(config); Database database = Database.open(config.dbUrl())) {
            RootKeyRotation.Retirement retirement =
                    new RootKeyRotation(rootKeys, wrappedSecrets(database, rootKeys)).retireUnused();
            if (!retirement.complete()) {
                return new Summary(false, "Nothing retired: " + retirement.stillInUse().size()
                        + " stored secrets still refer to a root-key version other than the current "
                        + retirement.currentVersion() + " (" + abbreviated(retirement.stillInUse())
                        + "); run `strongroom root-key rotate` to re-wrap them, then retire again");
            }
            return new Summary(true, retirement.retiredVersions().isEmpty()
                    ? "Nothing to retire: " + retirement.currentVersion() + " is the only root-key version"
                    : "Retired root-key versions " + String.join(", ", retirement.retiredVersions())
                            + "; current is " + retirement.currentVersion());
        }
    }

    /** Reads the store only: no root key, no bootstrap, no migration, nothing written. */
    @Override
    public Explanation explain(ServerConfig config, ExplainRequest request) {
        try (Database database = Database.openExisting(config.dbUrl())) {
            JdbcIdentityRepository identities = new JdbcIdentityRepository(database.transactor());
            OrganizationGuardrailsProvider guardrails = new OrganizationGuardrailsProvider(identities,
                    new JdbcOrganizationsRepository(database.transactor()), database.transactor(), clock);
            AccessAuthorizer authorizer = new AccessAuthorizer(identities, new PolicyEvaluator(), clock,
                    AccessAuthorizer.DEFAULT_CACHE_TTL, guardrails);
            return new RequestExplainer(identities, database.transactor(), authorizer, clock).explain(request);
        }
    }

    /**
     * S3 over the JDBC object index; bodies of up to {@link TieredBlobStore#DEFAULT_THRESHOLD} bytes of
     * ciphertext in the database beside it (one commit, no file and no fsync of their own), longer ones in
     * the file-system blob store under the data directory. The archive stays files only, in its own
     * configurable place. What interrupted writes left behind is collected before the first request.
     */
    private S3Service openObjectStore(ServerConfig config, Database database, RootKeyProvider rootKeys,
                                      KmsService kms, AccessAuthorizer authorizer, S3Events events) {
        try {
            TieredBlobStore blobs = new TieredBlobStore(
                    new JdbcBlobStore(database.transactor(), clock, TieredBlobStore.DEFAULT_THRESHOLD),
                    JdbcBlobStore::isValidBlobId,
                    new FileBlobStore(config.s3().blobDirectory(config.dataDir())),
                    TieredBlobStore.DEFAULT_THRESHOLD);
            FileBlobStore archive = new FileBlobStore(config.s3().archiveDirectory(config.dataDir()));
            JdbcPlatformKeys platformKeys = new JdbcPlatformKeys(database.transactor(), rootKeys, clock,
                    JdbcPlatformKeys.DEFAULT_TTL);
            S3Service s3 = new S3Service(new JdbcS3Repository(database.transactor(), database.vendor()),
                    new JdbcMultipartRepository(database.transactor(), database.vendor()), blobs, archive,
                    new JdbcRestoreRepository(database.transactor()),
                    new EnvelopeDataKeys(platformKeys, kms, new StripedRandom()), database.transactor(), authorizer,
                    clock, config.region(), events, bodyCiphers(config));
            GcmWarmUp.start(); // the first large bodies after a start would otherwise go at a tenth of the speed
            int collected = s3.collectGarbage();
            if (collected > 0) {
                LOG.info("Removed " + collected + " object bodies left by interrupted writes");
            }
            return s3;
        } catch (IOException e) {
            throw new UncheckedIOException("the object store under " + config.dataDir() + " could not be opened", e);
        }
    }

    /** Segment encryption of every object body, unless a benchmark measures the server without it. */
    private static Function<byte[], BodyCipher> bodyCiphers(ServerConfig config) {
        if (config.s3().benchmarkSkipEncryption()) {
            LOG.warning("s3.benchmark-skip-encryption is on: object bodies are stored UNENCRYPTED. "
                    + "For benchmarks only; never with real data.");
            return dataKey -> UnencryptedBodies.INSTANCE;
        }
        return SegmentCipher::new;
    }

    /** Every store of secrets wrapped by the root key. */
    private List<WrappedSecretSource> wrappedSecrets(Database database, RootKeyProvider rootKeys) {
        return List.of(
                JdbcWrappedSecretSource.accessKeys(database.transactor()),
                JdbcWrappedSecretSource.stsSessions(database.transactor()),
                new AuditSigningKeys(new JdbcAuditRepository(database.transactor(), database.vendor()),
                        database.transactor(), rootKeys, clock),
                new JdbcKeyMaterialSource(database.transactor()),
                new JdbcPlatformKeys(database.transactor(), rootKeys, clock, JdbcPlatformKeys.DEFAULT_TTL));
    }

    /** The first few entries: a store can hold many thousands of secrets. */
    private static String abbreviated(List<String> entries) {
        int shown = Math.min(entries.size(), 5);
        return String.join("; ", entries.subList(0, shown))
                + (entries.size() > shown ? "; and " + (entries.size() - shown) + " more" : "");
    }

    private VersionedRootKeyProvider openRootKey(ServerConfig config) {
        RootKeySettings settings;
        try {
            settings = RootKeySettings.fromMap(config.rootKey().asProviderSettings(), config.dataDir());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Invalid setting root-key: " + e.getMessage());
        }
        try {
            return RootKeyProviders.open(settings, environment);
        } catch (RootKeyException e) {
            throw new ConfigurationException("The root key (" + config.rootKey().provider() + ") cannot be opened: "
                    + e.getMessage());
        }
    }

    private static BooleanSupplier storeCheck(JdbcIdentityRepository repository) {
        return () -> repository.findOrganization().isPresent();
    }

    private static void closeAll(List<AutoCloseable> opened) {
        for (AutoCloseable resource : opened) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Closing " + resource + " failed", e);
            }
        }
    }

    /**
     * The audit trail: records written through the group committer or in the change's own
     * transaction, digests signed on a schedule with a signing key wrapped by the root key, the
     * configured exports (filtered by the trails) and the retention job.
     */
    private AuditRecording openAuditTrail(ServerConfig config, Database database, JdbcAuditRepository records,
                                          RootKeyProvider rootKeys, CloudTrailService cloudTrail) {
        AuditSettings settings = config.audit();
        AuditTrail trail = new AuditTrail(records, Redaction.withDefaults());
        AuditGroupCommitter groupCommitter = new AuditGroupCommitter(trail, database.transactor());
        DigestSigner signer = new DigestSigner(records, database.transactor(),
                new AuditSigningKeys(records, database.transactor(), rootKeys, clock), clock, settings.digestInterval());
        JdbcExportCursorRepository cursors = new JdbcExportCursorRepository(database.transactor());
        Optional<AuditExporter> exporter = AuditExports.exporter(settings, environment, records, cursors,
                cloudTrail.exportFilter(), clock);
        Optional<AuditRetention> retention = AuditExports.retention(settings, records, cursors,
                exporter.map(AuditExporter::exportNames).orElse(Set.of()), clock);
        CallRecorder recorder = new StoreCallRecorder(trail, database.transactor(), groupCommitter);
        if (settings.benchmarkSkipWrites()) {
            LOG.warning("audit.benchmark-skip-writes is on: API calls are NOT being audited. "
                    + "This setting exists for benchmarks only.");
            recorder = new UnrecordedCalls();
        }
        return new AuditRecording(recorder, new AuditUpkeep(groupCommitter, signer, settings.digestInterval(),
                exporter, retention), trail);
    }

    private record AuditRecording(CallRecorder recorder, AuditUpkeep upkeep, AuditTrail trail) {
    }

    /** The wired components; closing closes the store first, then the root key. */
    private record AssembledComponents(RequestAuthenticator authenticator, List<ServiceHandler> serviceHandlers,
                                       CallRecorder callRecorder, String homeAccountId,
                                       Map<String, BooleanSupplier> readinessChecks, List<AutoCloseable> resources)
            implements Components {
        @Override
        public void close() {
            closeAll(resources);
        }
    }
}
