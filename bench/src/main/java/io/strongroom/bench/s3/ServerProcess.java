package io.strongroom.bench.s3;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code ./strongroom start-dev} node in its own process, as an operator runs it: its own heap
 * ({@code STRONGROOM_JAVA_OPTS}), settings from the environment, log to a file. Its peak resident
 * memory is read from {@code /proc/<pid>/status} (VmHWM), since the launcher execs the JVM.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final URI endpoint;

    private ServerProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static ServerProcess start(Path root, Path dataDir, String accessKeyId, String secretAccessKey,
                               String javaOptions, Map<String, String> settings) throws IOException, InterruptedException {
        int http = freePort();
        int management = freePort();
        List<String> command = new ArrayList<>(List.of(root.resolve("strongroom").toString(), "start-dev",
                "--data-dir", dataDir.toString(), "--http-port", Integer.toString(http),
                "--management-port", Integer.toString(management)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile());
        Files.createDirectories(dataDir.getParent());
        // only the settings given here: the server refuses STRONGROOM_ variables it does not know
        builder.environment().keySet().removeIf(name -> name.startsWith("STRONGROOM_"));
        builder.environment().put("STRONGROOM_ADMIN_ACCESS_KEY_ID", accessKeyId);
        builder.environment().put("STRONGROOM_ADMIN_SECRET_ACCESS_KEY", secretAccessKey);
        builder.environment().put("STRONGROOM_JAVA_OPTS", javaOptions);
        builder.environment().putAll(settings);
        Process process = builder.start();
        ServerProcess server = new ServerProcess(process, URI.create("http://127.0.0.1:" + http));
        try {
            server.awaitReady(URI.create("http://127.0.0.1:" + management + "/health/ready"));
        } catch (IOException e) {
            Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            throw new IOException(e.getMessage() + "; its log ends: "
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())), e);
        }
        return server;
    }

    URI endpoint() {
        return endpoint;
    }

    /** The process's peak resident set so far, in MiB. */
    long peakRssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IOException("no VmHWM for process " + process.pid());
    }

    private void awaitReady(URI ready) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("the server exited with " + process.exitValue());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) ready.toURL().openConnection();
                connection.setConnectTimeout(1000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IOException("the server was not ready within three minutes");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: a clean stop, audit flushed
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
