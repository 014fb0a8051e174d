package io.strongroom.bench.kms;

import io.strongroom.kms.KmsService;
import io.strongroom.server.logging.JsonLogging;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * KMS data-key throughput as a client sees it (issue 5): a {@code start-dev} node in this JVM, audit
 * trail on, and one AWS SDK {@code KmsClient} per thread (32 by default, each with its own connection
 * pool, no retries) calling GenerateDataKey (AES_256, a two-entry encryption context) and then Decrypt
 * of a data key it generated, over loopback with SigV4, key-policy and IAM evaluation and one durable
 * audit record per call: first back to back (the node's capacity, and the latency at saturation),
 * then paced at the target rate of 5,000 calls a second across the same 32 clients (the latency a
 * node serving that quota gives; each call's latency counts from when it was due). A lower paced
 * rate may be given to see the latency at the same load on a slower machine; its rows are then
 * diagnostic, since the target is set at 5,000 a second. Baseline in the
 * same run: the same calls on a {@link KmsService} built directly over the same store, same key,
 * same caller and threads, no HTTP, SigV4 or audit. Each measurement has its warm-up, and the
 * HTTP rows are preceded by one more, of Decrypt; latency is each call's, start to answer. Each HTTP
 * row also splits this JVM's CPU per call between the SDK clients' threads and the rest (the node).
 * Prints figures; not a test.
 *
 * <pre>
 *   java -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED -cp bench/target/strongroom-bench.jar \
 *       io.strongroom.bench.kms.KmsThroughput [measured-seconds=30] [warm-up-seconds=10] [threads=32] \
 *       [paced-rate=5000]
 * </pre>
 */
public final class KmsThroughput {
    /** Issue 5's bar for each operation over HTTP. */
    static final double TARGET_OPS_PER_SECOND = 5_000;
    static final double TARGET_P99_MILLIS = 10;
    static final String HTTP_PATH = "HTTP+SigV4+policy+audit";
    static final String IN_PROCESS_PATH = "in-process";

    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private KmsThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Duration measured = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 30);
        Duration warmUp = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 10);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        double pacedRate = args.length > 3 ? Double.parseDouble(args[3]) : TARGET_OPS_PER_SECOND;

        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        System.out.printf(Locale.ROOT, "date:      %s, load average at start %s%n", started, loadAverage());
        System.out.printf(Locale.ROOT, "machine:   %d cores, JDK %s, %s, max heap %d MiB, JVM options %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), collectors(),
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf(Locale.ROOT, "run:       %d threads, warm-up %d s and %d s measured per row (and a Decrypt"
                        + " warm-up first); server in this JVM on loopback, SQLite, audit on%n", threads,
                warmUp.toSeconds(), measured.toSeconds());

        Path work = Files.createTempDirectory("strongroom-kms-bench");
        Path dataDir = work.resolve("data");
        Path log = work.resolve("server.log");
        List<Row> rows = new ArrayList<>();
        boolean checksPassed;
        try (OutputStream logFile = Files.newOutputStream(log)) {
            JsonLogging.install(logFile); // the server's JSON log and access log, as start-dev writes them, off stdout
            checksPassed = run(dataDir, measured, warmUp, threads, pacedRate, rows);
            System.out.printf(Locale.ROOT, "load average at end: %s%n%n", loadAverage());
            printTable(rows);
            printMarkdown(started, measured, warmUp, threads, rows);
            if (!checksPassed) {
                System.out.println("\nserver log (last lines):");
                try (Stream<String> lines = Files.lines(log)) {
                    List<String> all = lines.toList();
                    all.subList(Math.max(0, all.size() - 20), all.size()).forEach(System.out::println);
                }
            }
        } finally {
            deleteRecursively(work);
        }
        if (!checksPassed) {
            System.exit(1);
        }
    }

    /** Both paths, both operations; returns whether every call succeeded and was audited. */
    private static boolean run(Path dataDir, Duration measured, Duration warmUp, int threads, double pacedRate,
                               List<Row> rows) throws Exception {
        boolean ok = true;
        String keyId;
        String adminKeyId;
        SdkLoad.Calls httpCalls;
        BenchServer server = BenchServer.start(dataDir);
        try (SdkLoad sdk = SdkLoad.connect(server.endpoint(), server.config().region(), server.admin(), threads)) {
            keyId = sdk.createKey();
            adminKeyId = server.admin().accessKeyId();
            System.out.printf(Locale.ROOT, "server:    %s, key %s%n", server.endpoint(), keyId);
            // Both operations share most of their code: a warm-up of Decrypt first, so that the first
            // row (GenerateDataKey) is not measured while the JIT is still compiling that shared code.
            Optional<Throwable> warmUpError =
                    ClosedLoop.run("warm-up", sdk.decryptCalls(keyId), warmUp, Duration.ZERO).firstError();
            if (warmUpError.isPresent()) {
                System.out.println("CHECK FAILED: a Decrypt call of the first warm-up failed: " + warmUpError.get());
                ok = false;
            }
            rows.add(measure("GenerateDataKey", HTTP_PATH, 0, sdk.generateDataKeyCalls(keyId), warmUp, measured));
            rows.add(measure("Decrypt", HTTP_PATH, 0, sdk.decryptCalls(keyId), warmUp, measured));
            String paced = String.format(Locale.ROOT, "HTTP, paced %,.0f/s", pacedRate);
            rows.add(measure("GenerateDataKey", paced, pacedRate, sdk.generateDataKeyCalls(keyId), warmUp, measured));
            rows.add(measure("Decrypt", paced, pacedRate, sdk.decryptCalls(keyId), warmUp, measured));
            httpCalls = sdk.calls();
        } finally {
            server.close();
        }

        try (InProcessKms inProcess = InProcessKms.open(server.config(), server.environment(), adminKeyId)) {
            Map<String, Long> audited = inProcess.kmsAuditRecords();
            long generated = audited.getOrDefault("GenerateDataKey", 0L);
            long decrypted = audited.getOrDefault("Decrypt", 0L);
            System.out.printf(Locale.ROOT, "audit:     %,d GenerateDataKey records for %,d calls sent, %,d Decrypt"
                    + " records for %,d calls sent%n", generated, httpCalls.generateDataKey(), decrypted,
                    httpCalls.decrypt());
            if (generated != httpCalls.generateDataKey() || decrypted != httpCalls.decrypt()) {
                System.out.println("CHECK FAILED: not every call over HTTP left exactly one audit record");
                ok = false;
            }
            InProcessLoad load = new InProcessLoad(inProcess, keyId);
            rows.add(measure("GenerateDataKey", IN_PROCESS_PATH, 0, load.generateDataKeyCalls(threads), warmUp,
                    measured));
            rows.add(measure("Decrypt", IN_PROCESS_PATH, 0, load.decryptCalls(threads), warmUp, measured));
        }
        for (Row row : rows) {
            if (row.result().errors() > 0 || row.result().firstError().isPresent()) {
                System.out.printf(Locale.ROOT, "CHECK FAILED: %s %s had %d failed calls in the measured window;"
                        + " first failure: %s%n", row.operation(), row.path(), row.result().errors(),
                        row.result().firstError().map(Throwable::toString).orElse("-"));
                ok = false;
            }
        }
        return ok;
    }

    /** @param pacedRate the calls a second offered, or 0 for back to back */
    private static Row measure(String operation, String path, double pacedRate, List<ClosedLoop.Call> calls,
                               Duration warmUp, Duration measured) throws InterruptedException {
        String name = operation + "-" + (path.equals(IN_PROCESS_PATH) ? "direct" : "http");
        ClosedLoop.Result result = pacedRate > 0
                ? ClosedLoop.paced(name, calls, warmUp, measured, pacedRate)
                : ClosedLoop.run(name, calls, warmUp, measured);
        Row row = new Row(operation, path, pacedRate, result);
        System.out.printf(Locale.ROOT, "measured:  %-15s %-24s %,10.0f ops/s  p50 %s  p99 %s  p99.9 %s ms  errors %d;"
                        + " cpu: %s%s%n", operation, path, result.perSecond(), millis(result.millisAt(50)),
                millis(result.millisAt(99)), millis(result.millisAt(99.9)), result.errors(), result.cpu(),
                row.http() ? String.format(Locale.ROOT, "; CPU per call: node %.0f us (audit writer %.0f us),"
                        + " SDK clients %.0f us", result.otherMicrosPerCall(), result.auditWriterMicrosPerCall(),
                        result.loadMicrosPerCall()) : "");
        return row;
    }

    /** One measured operation on one path; {@code pacedRate} 0 unless the calls were paced. */
    record Row(String operation, String path, double pacedRate, ClosedLoop.Result result) {
        boolean http() {
            return !path.equals(IN_PROCESS_PATH);
        }

        /** Paced rows must keep up with the offered rate (within 1 %); others must reach it. */
        boolean meetsThroughput() {
            return pacedRate > 0 ? result.perSecond() >= pacedRate * 0.99
                    : result.perSecond() >= TARGET_OPS_PER_SECOND;
        }

        boolean meetsP99() {
            return result.millisAt(99) <= TARGET_P99_MILLIS;
        }

        String verdict() {
            if (!http()) {
                return "";
            }
            if (pacedRate > 0 && pacedRate < TARGET_OPS_PER_SECOND) {
                return String.format(Locale.ROOT, "%s, p99 %s %.0f ms; below the target rate, diagnostic only",
                        meetsThroughput() ? "keeps up" : "falls behind", meetsP99() ? "<=" : ">", TARGET_P99_MILLIS);
            }
            return (meetsThroughput() ? "ops/s met" : "ops/s NOT met") + ", "
                    + (meetsP99() ? "p99 met" : "p99 NOT met");
        }
    }

    private static Optional<Row> baselineOf(Row row, List<Row> rows) {
        return rows.stream().filter(r -> !r.http() && r.operation().equals(row.operation())).findFirst();
    }

    private static void printTable(List<Row> rows) {
        String format = "%-16s %-24s %12s %9s %9s %9s %7s %12s  %s%n";
        System.out.printf(Locale.ROOT, format, "operation", "path", "ops/s", "p50 ms", "p99 ms", "p99.9 ms", "errors",
                "HTTP/in-proc", "target >= 5,000 ops/s and p99 <= 10 ms");
        for (Row row : rows) {
            ClosedLoop.Result r = row.result();
            String ratio = row.http()
                    ? baselineOf(row, rows).map(b -> String.format(Locale.ROOT, "%.3f", r.perSecond()
                            / b.result().perSecond())).orElse("-")
                    : "";
            System.out.printf(Locale.ROOT, format, row.operation(), row.path(), String.format(Locale.ROOT, "%,.0f",
                    r.perSecond()), millis(r.millisAt(50)), millis(r.millisAt(99)), millis(r.millisAt(99.9)),
                    r.errors(), ratio, row.verdict());
        }
        System.out.println("(HTTP/in-proc: ops/s over HTTP divided by ops/s in-process, same operation)");
    }

    /** A section for docs/benchmarks.md. */
    private static void printMarkdown(Instant started, Duration measured, Duration warmUp, int threads,
                                      List<Row> rows) {
        System.out.printf(Locale.ROOT, "%nmarkdown:%n%n| date | operation | path (%d threads, %d s after %d s warm-up)"
                        + " | ops/s | p50 ms | p99 ms | p99.9 ms | HTTP / in-process"
                        + " | target (≥ 5,000 ops/s, p99 ≤ 10 ms) |%n",
                threads, measured.toSeconds(), warmUp.toSeconds());
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        boolean first = true;
        for (Row row : rows.stream().sorted(Comparator.comparing(Row::operation).reversed()
                .thenComparing(r -> !r.http())).toList()) {
            ClosedLoop.Result r = row.result();
            String ratio = row.http() ? baselineOf(row, rows).map(b -> String.format(Locale.ROOT, "%.3f",
                    r.perSecond() / b.result().perSecond())).orElse("-") : "1";
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %,.0f | %s | %s | %s | %s | %s |%n",
                    first ? MINUTES.format(started) : "", row.operation(),
                    row.pacedRate() > 0
                            ? String.format(Locale.ROOT, "HTTP, SigV4, policy, audit, paced at %,.0f/s", row.pacedRate())
                            : row.http() ? "HTTP, SigV4, policy, audit, back to back" : "in-process (baseline)",
                    r.perSecond(),
                    millis(r.millisAt(50)), millis(r.millisAt(99)), millis(r.millisAt(99.9)), ratio,
                    row.http() ? row.verdict() : "");
            first = false;
        }
    }

    /** The encryption context of one thread's data keys: two short entries, as an envelope-encrypting client sends. */
    static Map<String, String> encryptionContext(int thread) {
        return Map.of("purpose", "strongroom-bench", "thread", Integer.toString(thread));
    }

    static String millis(double value) {
        return String.format(Locale.ROOT, value < 1 ? "%.3f" : "%.2f", value);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return String.join(" ", Arrays.copyOf(fields, 3));
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName())
                .reduce((a, b) -> a + "/" + b).orElse("no collector");
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
