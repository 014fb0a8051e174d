package io.strongroom.audit.export;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.StoredAuditRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Sends the trail to a SIEM as RFC 5424 syslog over TCP with octet-counting framing (RFC 6587),
 * or over TLS (RFC 5425) when an {@link SSLContext} is given: the server's certificate must chain
 * to the context's trust and name the host (checked as HTTPS checks it). See {@link SyslogMessage}
 * for the message layout.
 *
 * <p>Syslog has no acknowledgement: a batch counts as delivered once it was written and flushed to
 * the connection. Before each batch the sink checks whether the receiver closed the connection
 * (a restarted receiver) and reconnects, so the common failure does not lose records; a receiver
 * that dies after reading bytes it has not yet stored can still lose the tail of one batch. Use
 * the webhook or the files where every record must be confirmed.
 */
public final class SyslogSink implements ExportSink {
    public static final String DEFAULT_NAME = "syslog";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long the liveness check waits for the receiver's end of stream: receivers never send data. */
    private static final int PROBE_MILLIS = 1;

    private final String name;
    private final String host;
    private final int port;
    private final Optional<SSLContext> tls;
    private final SyslogMessage format;
    /** Volatile so that {@link #close()} can break a write that blocks on a stalled receiver. */
    private volatile Socket socket;

    /**
     * @param host     the receiver's host name or address
     * @param port     its TCP port (6514 is syslog over TLS, 601 or 514 plain)
     * @param tls      the trust to check the receiver's certificate with; empty for plain TCP
     * @param hostname the HOSTNAME this node puts in its messages
     */
    public SyslogSink(String name, String host, int port, Optional<SSLContext> tls, String hostname) {
        this.name = ExportCursor.requireValidName(name);
        this.host = requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range 1-65535");
        }
        this.port = port;
        this.tls = requireNonNull(tls, "tls");
        this.format = new SyslogMessage(hostname, "strongroom", Long.toString(ProcessHandle.current().pid()));
    }

    /** This node's host name, for the HOSTNAME field; {@code -} when it cannot be found. */
    public static String localHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "-";
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void deliver(List<StoredAuditRecord> records) throws IOException {
        ByteArrayOutputStream frames = new ByteArrayOutputStream(records.size() * 2048);
        for (StoredAuditRecord record : records) {
            format.frame(record, frames);
        }
        try {
            Socket open = socket;
            if (open != null && receiverClosed(open)) {
                disconnect();
                open = null;
            }
            if (open == null) {
                open = connect();
            }
            OutputStream out = open.getOutputStream();
            frames.writeTo(out);
            out.flush();
        } catch (IOException e) {
            disconnect();
            throw e;
        }
    }

    private Socket connect() throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            plain.setKeepAlive(true);
            plain.setTcpNoDelay(true);
            Socket connected = plain;
            if (tls.isPresent()) {
                SSLSocket secure = (SSLSocket) tls.get().getSocketFactory().createSocket(plain, host, port, true);
                SSLParameters parameters = secure.getSSLParameters();
                // the certificate must name the host we meant to reach (RFC 5425 section 5.2)
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                secure.setSSLParameters(parameters);
                secure.setSoTimeout((int) CONNECT_TIMEOUT.toMillis());
                secure.startHandshake();
                connected = secure;
            }
            socket = connected;
            return connected;
        } catch (IOException e) {
            plain.close();
            throw new IOException("cannot reach the syslog receiver " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** True when the receiver has closed its end (end of stream); receivers never send anything else. */
    private static boolean receiverClosed(Socket open) {
        try {
            open.setSoTimeout(PROBE_MILLIS);
            InputStream in = open.getInputStream();
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false; // nothing to read: the connection is open
        } catch (IOException e) {
            return true;
        }
    }

    private void disconnect() {
        Socket open = socket;
        socket = null;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                // closing a broken connection: nothing more to do
            }
        }
    }

    /** Not synchronized: it must be able to break a {@link #deliver} that blocks on a stalled receiver. */
    @Override
    public void close() {
        disconnect();
    }

    @Override
    public String toString() {
        return "SyslogSink[" + name + " to " + host + ":" + port + (tls.isPresent() ? " over TLS" : "") + "]";
    }
}
