package io.strongroom.server.lifecycle;

import static java.util.Objects.requireNonNull;

import io.strongroom.server.audit.CallEvents;
import io.strongroom.server.config.ServerConfig;
import io.strongroom.server.http.ApiHandler;
import io.strongroom.server.http.ApiPipeline;
import io.strongroom.server.http.JettyServers;
import io.strongroom.server.http.ServiceRouter;
import io.strongroom.server.logging.LogFields;
import io.strongroom.server.management.ManagementHandler;
import io.strongroom.server.management.Metrics;
import io.strongroom.server.management.Readiness;
import io.strongroom.server.management.RequestMetrics;
import io.strongroom.server.tls.PemKeyStoreLoader;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Server;

/**
 * One Strongroom node. {@link #start()} opens the root key, the store and runs the bootstrap
 * (through the {@link ComponentsFactory}), starts the management port (not ready yet), then the
 * API port, then reports ready. {@link #close()} reverses it gracefully: not ready, stop accepting,
 * let in-flight requests finish within the shutdown timeout, then close store and root key.
 */
public final class StrongroomServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StrongroomServer.class.getName());

    private final ServerConfig config;
    private final ComponentsFactory componentsFactory;
    private final Clock clock;
    private final Readiness readiness = new Readiness();
    private final Metrics metrics = new Metrics();
    private Components components;
    private Server management;
    private Server api;
    private boolean closed;

    public StrongroomServer(ServerConfig config, ComponentsFactory componentsFactory, Clock clock) {
        this.config = requireNonNull(config, "config");
        this.componentsFactory = requireNonNull(componentsFactory, "componentsFactory");
        this.clock = requireNonNull(clock, "clock");
    }

    public StrongroomServer(ServerConfig config, ComponentsFactory componentsFactory) {
        this(config, componentsFactory, Clock.systemUTC());
    }

    public synchronized void start() throws Exception {
        if (api != null || closed) {
            throw new IllegalStateException("a server starts once");
        }
        Instant begin = clock.instant();
        try {
            // Both modes: the bootstrap credentials file (and a dev database and root key) live here.
            PrivateDirectories.create(config.dataDir());
            // Load TLS material before anything opens: a bad certificate is a configuration error.
            Optional<PemKeyStoreLoader.TlsKeyStore> tls =
                    config.tls().map(files -> PemKeyStoreLoader.load(files.certificate(), files.privateKey()));
            components = componentsFactory.open(config);
            components.readinessChecks().forEach(readiness::addCheck);

            management = JettyServers.management(config, new ManagementHandler(readiness, metrics));
            management.start();

            Components served = components;
            ApiPipeline pipeline = new ApiPipeline(new ServiceRouter(components.serviceHandlers()),
                    components.authenticator(), components.callRecorder(),
                    new CallEvents(clock, config.region(), served::homeAccountId),
                    new RequestMetrics(metrics.registry()), clock, config.region());
            api = JettyServers.api(config,
                    new ApiHandler(pipeline, config.trustedProxies(), config.maxRequestBody(), clock), tls);
            api.start();
        } catch (Exception | Error e) {
            close();
            throw e;
        }
        readiness.markStarted();
        LOG.log(Level.INFO, "Strongroom is ready", LogFields.builder()
                .put("mode", config.mode().name().toLowerCase(java.util.Locale.ROOT))
                .put("apiEndpoint", apiEndpoint().toString())
                .put("managementEndpoint", managementEndpoint().toString())
                .put("region", config.region())
                .put("startupMs", Duration.between(begin, clock.instant()).toMillis())
                .build());
    }

    /** The bound API port (the configured one, or the one the system picked for port 0). */
    public int httpPort() {
        return JettyServers.boundPort(requireStarted(api));
    }

    public int managementPort() {
        return JettyServers.boundPort(requireStarted(management));
    }

    public URI apiEndpoint() {
        return URI.create((config.tls().isPresent() ? "https" : "http") + "://" + hostForUri(config.bindHost()) + ":"
                + httpPort());
    }

    public URI managementEndpoint() {
        return URI.create("http://" + hostForUri(config.managementBindHost()) + ":" + managementPort());
    }

    public ServerConfig config() {
        return config;
    }

    public Readiness readiness() {
        return readiness;
    }

    /** Blocks until the API server has stopped. */
    public void join() throws InterruptedException {
        requireStarted(api).join();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        readiness.markShuttingDown();
        LOG.info("Strongroom is shutting down");
        stop(api, "API server");
        if (components != null) {
            try {
                components.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Closing the store and root key failed", e);
            }
        }
        stop(management, "management server");
        metrics.close();
        LOG.info("Strongroom stopped");
        flushLogs();
    }

    /** Routine lines are written in the background (the access log): a stopped server has written them all. */
    private static void flushLogs() {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.flush();
        }
    }

    private static void stop(Server server, String name) {
        if (server == null) {
            return;
        }
        try {
            server.stop(); // graceful: connectors close first, in-flight requests get the stop timeout
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Stopping the " + name + " failed", e);
        }
    }

    private static String hostForUri(String host) {
        if (host.equals("0.0.0.0")) {
            return "127.0.0.1";
        }
        if (host.equals("::")) {
            return "[::1]";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static Server requireStarted(Server server) {
        if (server == null) {
            throw new IllegalStateException("the server has not started");
        }
        return server;
    }

}
