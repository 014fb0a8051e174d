package io.strongroom.server.http;

import io.strongroom.server.config.ServerConfig;
import io.strongroom.server.tls.PemKeyStoreLoader;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Builds the two Jetty servers: the API port (virtual threads, bounded headers, optional TLS) and the management port. */
public final class JettyServers {

    private static final int MANAGEMENT_THREADS = 8;

    private JettyServers() {
    }

    /**
     * The API server. Requests run on virtual threads, at most {@code max-concurrent-requests} at
     * once; a {@link GracefulHandler} lets in-flight requests finish within the shutdown timeout
     * when the server stops.
     */
    public static Server api(ServerConfig config, ApiHandler apiHandler, Optional<PemKeyStoreLoader.TlsKeyStore> tls) {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("api");
        threads.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("api-request-"));
        Server server = new Server(threads);
        HttpConfiguration http = httpConfiguration();
        ServerConnector connector = tls
                .map(keyStore -> tlsConnector(server, http, keyStore))
                .orElseGet(() -> new ServerConnector(server, new HttpConnectionFactory(http)));
        connector.setHost(config.bindHost());
        connector.setPort(config.httpPort());
        server.addConnector(connector);
        server.setHandler(new GracefulHandler(
                new ApiConcurrencyLimit(apiHandler, config.maxConcurrentRequests(), ApiConcurrencyLimit.MAX_WAIT)));
        server.setErrorHandler(new AwsErrorHandler());
        server.setStopTimeout(config.shutdownTimeout().toMillis());
        server.setStopAtShutdown(false); // StrongroomServer orders the shutdown itself
        return server;
    }

    /** The management server: health and metrics, bound to {@code management-bind-host} (loopback by default). */
    public static Server management(ServerConfig config, Handler managementHandler) {
        QueuedThreadPool threads = new QueuedThreadPool(MANAGEMENT_THREADS, 2);
        threads.setName("management");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(httpConfiguration()));
        connector.setHost(config.managementBindHost());
        connector.setPort(config.managementPort());
        server.addConnector(connector);
        server.setHandler(managementHandler);
        server.setStopTimeout(Duration.ofSeconds(2).toMillis());
        server.setStopAtShutdown(false);
        return server;
    }

    public static int boundPort(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    private static HttpConfiguration httpConfiguration() {
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(ServerConfig.MAX_REQUEST_HEADER_BYTES);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setSendDateHeader(true);
        // Signatures cover header values byte for byte: Jetty's cache of common fields must not hand back
        // its own spelling of a value that differs only in case (text/plain; charset=UTF-8 vs utf-8).
        http.setHeaderCacheCaseSensitive(true);
        // No per-connection cache of whole header lines: signed requests differ in X-Amz-Date and
        // Authorization every time, so the cache mostly misses, and keeping it cost some 9 % of the
        // server's CPU in a profile of 32 SDK clients. Common header names are still recognised.
        http.setHeaderCacheSize(0);
        // The services read the raw path themselves and never map it to a file: an S3 key may hold
        // '%', '..', '//' or ';', and malformed escapes get the service's own error (InvalidURI), not a bare 400.
        http.setUriCompliance(UriCompliance.from(EnumSet.of(UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT,
                UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT, UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
                UriCompliance.Violation.AMBIGUOUS_PATH_PARAMETER, UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
                UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS, UriCompliance.Violation.BAD_UTF8_ENCODING,
                UriCompliance.Violation.TRUNCATED_UTF8_ENCODING, UriCompliance.Violation.BAD_PERCENT_ENCODING,
                UriCompliance.Violation.UTF16_ENCODINGS)));
        return http;
    }

    private static ServerConnector tlsConnector(Server server, HttpConfiguration http,
                                                PemKeyStoreLoader.TlsKeyStore keyStore) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keyStore.keyStore());
        ssl.setKeyStorePassword(new String(keyStore.keyPassword()));
        ssl.setKeyManagerPassword(new String(keyStore.keyPassword()));
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false); // clients reach the server by IP address as often as by name
        https.addCustomizer(secure);
        ConnectionFactory[] factories = {new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https)};
        return new ServerConnector(server, factories);
    }
}
