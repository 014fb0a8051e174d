package io.strongroom.testing;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.Ids;
import io.strongroom.iam.bootstrap.AdminCredentials;
import io.strongroom.server.config.ConfigLoader;
import io.strongroom.server.config.Mode;
import io.strongroom.server.config.ServerConfig;
import io.strongroom.server.config.Setting;
import io.strongroom.server.lifecycle.ServerAssembly;
import io.strongroom.server.lifecycle.StrongroomServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * An in-process Strongroom node for tests: ephemeral ports, a temporary data directory, SQLite
 * (or a fresh PostgreSQL database), a {@code file} root key and a known bootstrap administrator.
 */
public final class StrongroomTestServer implements AutoCloseable {

    private final Path dataDir;
    private final AdminCredentials admin;
    private final StrongroomServer server;
    private final AwsClients adminClients;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<AutoCloseable> afterStop = new ArrayList<>();

    private StrongroomTestServer(Path dataDir, AdminCredentials admin, StrongroomServer server) {
        this.dataDir = dataDir;
        this.admin = admin;
        this.server = server;
        this.adminClients = AwsClients.create(server.apiEndpoint(), admin.accessKeyId(), admin.secretAccessKey());
        resources.add(adminClients);
    }

    /** Starts a node on SQLite in a new temporary directory. */
    public static StrongroomTestServer start() throws Exception {
        return start(Optional.empty(), Map.of());
    }

    /**
     * @param dbUrl    a JDBC URL, or empty for SQLite in the data directory
     * @param settings further settings (flags) for the node
     */
    public static StrongroomTestServer start(Optional<String> dbUrl, Map<Setting, String> settings) throws Exception {
        return start(dbUrl, settings, Clock.systemUTC());
    }

    /**
     * As {@link #start(Optional, Map)}, with the clock every server component reads (SigV4 time
     * window, session expiry, caches): a test that moves it forward sees sessions expire at once.
     */
    public static StrongroomTestServer start(Optional<String> dbUrl, Map<Setting, String> settings, Clock clock)
            throws Exception {
        return start(dbUrl, settings, clock, Duration.ofMinutes(1));
    }

    /**
     * As {@link #start(Optional, Map, Clock)}, with the S3 lifecycle scheduler passing every
     * {@code lifecycleInterval}: a test moves the clock and sees the next pass act.
     */
    public static StrongroomTestServer start(Optional<String> dbUrl, Map<Setting, String> settings, Clock clock,
                                             Duration lifecycleInterval) throws Exception {
        requireNonNull(clock, "clock");
        Path dataDir = Files.createTempDirectory("strongroom-test-");
        AdminCredentials admin = new AdminCredentials(Ids.accessKeyId(), Ids.secretAccessKey());
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.DATA_DIR, dataDir.toString());
        flags.put(Setting.HTTP_PORT, "0");
        flags.put(Setting.MANAGEMENT_PORT, "0");
        flags.put(Setting.ROOT_KEY, "file");
        flags.put(Setting.SHUTDOWN_TIMEOUT, "5s");
        dbUrl.ifPresent(url -> flags.put(Setting.DB_URL, url));
        flags.putAll(settings);
        Map<String, String> environment = Map.of(
                "STRONGROOM_ADMIN_ACCESS_KEY_ID", admin.accessKeyId(),
                "STRONGROOM_ADMIN_SECRET_ACCESS_KEY", admin.secretAccessKey());
        ServerConfig config = new ConfigLoader(environment).load(Mode.DEV, flags, Optional.empty());
        StrongroomServer server = new StrongroomServer(config,
                new ServerAssembly(environment, clock, new PrintStream(OutputStream.nullOutputStream()),
                        lifecycleInterval), clock);
        try {
            server.start();
        } catch (Exception | Error e) {
            deleteRecursively(dataDir);
            throw e;
        }
        return new StrongroomTestServer(dataDir, admin, server);
    }

    /** The API endpoint, for example {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return server.apiEndpoint();
    }

    public URI managementEndpoint() {
        return server.managementEndpoint();
    }

    public int httpPort() {
        return server.httpPort();
    }

    public int managementPort() {
        return server.managementPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The bootstrap administrator's key. */
    public AdminCredentials admin() {
        return admin;
    }

    public AwsClients adminClients() {
        return adminClients;
    }

    public IamClient iam() {
        return adminClients.iam();
    }

    public StsClient sts() {
        return adminClients.sts();
    }

    public StrongroomServer server() {
        return server;
    }

    /** Clients for another principal; closed with the server. */
    public AwsClients clientsFor(String accessKeyId, String secretAccessKey) {
        return track(AwsClients.create(endpoint(), accessKeyId, secretAccessKey));
    }

    /** Clients for temporary credentials (AssumeRole). */
    public AwsClients clientsFor(String accessKeyId, String secretAccessKey, String sessionToken) {
        return track(AwsClients.create(endpoint(), accessKeyId, secretAccessKey, sessionToken));
    }

    /** Closes {@code resource} when the server closes. */
    public synchronized <T extends AutoCloseable> T track(T resource) {
        resources.add(requireNonNull(resource, "resource"));
        return resource;
    }

    @Override
    public synchronized void close() throws IOException {
        for (AutoCloseable resource : resources.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                // a client that fails to close must not keep the server running
            }
        }
        server.close();
        for (AutoCloseable resource : afterStop) {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IOException("Releasing " + resource + " after the server stopped failed", e);
            }
        }
        deleteRecursively(dataDir);
    }

    /** Closes {@code resource} after the server has stopped (for example the database it used). */
    synchronized void closeAfterStop(AutoCloseable resource) {
        afterStop.add(requireNonNull(resource, "resource"));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
