package io.strongroom.bench.kms;

import io.strongroom.core.Ids;
import io.strongroom.iam.bootstrap.AdminCredentials;
import io.strongroom.server.config.ConfigLoader;
import io.strongroom.server.config.Mode;
import io.strongroom.server.config.ServerConfig;
import io.strongroom.server.config.Setting;
import io.strongroom.server.lifecycle.ServerAssembly;
import io.strongroom.server.lifecycle.StrongroomServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code start-dev} node in this JVM, wired by the production {@link ServerAssembly}: loopback on
 * ephemeral ports, a fresh data directory with SQLite and a {@code file} root key, a known bootstrap
 * administrator, and the audit trail at its defaults (on). The way the end-to-end tests start one.
 */
final class BenchServer implements AutoCloseable {
    private final ServerConfig config;
    private final Map<String, String> environment;
    private final AdminCredentials admin;
    private final StrongroomServer server;

    private BenchServer(ServerConfig config, Map<String, String> environment, AdminCredentials admin,
                        StrongroomServer server) {
        this.config = config;
        this.environment = environment;
        this.admin = admin;
        this.server = server;
    }

    static BenchServer start(Path dataDir) throws Exception {
        AdminCredentials admin = new AdminCredentials(Ids.accessKeyId(), Ids.secretAccessKey());
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.DATA_DIR, dataDir.toString());
        flags.put(Setting.HTTP_PORT, "0");
        flags.put(Setting.MANAGEMENT_PORT, "0");
        flags.put(Setting.ROOT_KEY, "file");
        flags.put(Setting.SHUTDOWN_TIMEOUT, "5s");
        Map<String, String> environment = Map.of(
                "STRONGROOM_ADMIN_ACCESS_KEY_ID", admin.accessKeyId(),
                "STRONGROOM_ADMIN_SECRET_ACCESS_KEY", admin.secretAccessKey());
        ServerConfig config = new ConfigLoader(environment).load(Mode.DEV, flags, Optional.empty());
        Clock clock = Clock.systemUTC();
        StrongroomServer server = new StrongroomServer(config,
                new ServerAssembly(environment, clock, new PrintStream(OutputStream.nullOutputStream())), clock);
        server.start();
        return new BenchServer(config, environment, admin, server);
    }

    URI endpoint() {
        return server.apiEndpoint();
    }

    ServerConfig config() {
        return config;
    }

    /** Where the root key's secret sources are read (none for a {@code file} key, as for start-dev). */
    Map<String, String> environment() {
        return environment;
    }

    AdminCredentials admin() {
        return admin;
    }

    /** Stops gracefully: in-flight requests finish, audit records are flushed, a last digest is signed. */
    @Override
    public void close() {
        server.close();
    }
}
