package io.strongroom.audit.export;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A syslog receiver for tests: accepts TCP (or TLS) connections on the loopback address and reads
 * RFC 6587 octet-counted frames, {@code <length> SP <message>}, strictly: the length is decimal
 * without leading zeros and counts exactly the message's bytes.
 */
final class SyslogReceiver implements AutoCloseable {
    final List<String> messages = new CopyOnWriteArrayList<>();
    final List<String> errors = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    SyslogReceiver(SSLContext tls) throws IOException {
        server = tls == null ? new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
                : tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    SyslogReceiver() throws IOException {
        this(null);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.add(socket);
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> read(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void read(Socket socket) {
        try (InputStream in = new BufferedInputStream(socket.getInputStream())) {
            while (true) {
                StringBuilder digits = new StringBuilder();
                int c;
                while ((c = in.read()) != ' ') {
                    if (c < 0) {
                        if (!digits.isEmpty()) {
                            errors.add("the connection ended inside a frame length");
                        }
                        return;
                    }
                    if (c < '0' || c > '9' || (digits.isEmpty() && c == '0')) {
                        errors.add("not an octet count: " + digits + (char) c);
                        return;
                    }
                    digits.append((char) c);
                }
                int length = Integer.parseInt(digits.toString());
                byte[] message = in.readNBytes(length);
                if (message.length < length) {
                    errors.add("the connection ended inside a message");
                    return;
                }
                messages.add(new String(message, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // a refused handshake or a dropped connection ends this connection only
        }
    }

    /** Closes every connection accepted so far, as a restarted receiver would. */
    void dropConnections() throws IOException {
        for (Socket socket : new ArrayList<>(accepted)) {
            socket.close();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropConnections();
    }
}
