package io.strongroom.bench.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Object-store throughput (issue 6), every figure beside its baseline from the same run:
 * <ol>
 *   <li>one 1 GiB object PUT and GET over one stream with SSE-KMS, beside (a) a second node with
 *       {@code s3.benchmark-skip-encryption} and (b) the same bytes written (with a final fsync) and read
 *       through plain Java file channels in the same file system; the three take turns for a number of
 *       rounds and each reports its median;</li>
 *   <li>4 KiB objects from 32 SDK clients: PUT/s, then GET/s, on SQLite (and PostgreSQL when
 *       {@code STRONGROOM_BENCH_PG_URL} names an administrator connection);</li>
 *   <li>a 5 GiB object PUT and GET against a node started with {@code -Xmx256m}, its peak RSS.</li>
 * </ol>
 * Each node is {@code ./strongroom start-dev} in its own process. The large transfers use presigned
 * URLs over a plain {@link HttpURLConnection} streaming a file (an unsigned payload: the client spends
 * no CPU hashing, so the two cores measure the server); the small ones the SDK's S3Client as users call
 * it (SigV4, the default CRC32 checksum). Prints figures; not a test.
 *
 * <pre>
 *   bench/load/s3-throughput [object-MiB=1024] [small-seconds=20] [threads=32] [huge-GiB=5] [rounds=7]
 * </pre>
 */
public final class S3Throughput {
    private static final String REGION = "us-east-1";
    private static final int BUFFER = 1 << 20;
    /** PUTs, then GETs, before the 4 KiB runs are timed. */
    private static final Duration SMALL_WARM_UP = Duration.ofSeconds(15);
    private static final int SMALL_OBJECT = 4096;
    /** The object each node is warmed up with before the measured PUT and GET. */
    private static final long WARM_UP_MIB = 256;

    private S3Throughput() {
    }

    public static void main(String[] args) throws Exception {
        long objectMiB = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        Duration smallRun = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 20);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        long hugeGiB = args.length > 3 ? Long.parseLong(args[3]) : 5;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 7;
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1");
        }
        Path root = Path.of(System.getProperty("strongroom.root", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory(Path.of(System.getProperty("strongroom.bench.dir",
                System.getProperty("java.io.tmpdir"))), "strongroom-s3-bench");
        System.out.printf(Locale.ROOT, "date:      %s%nmachine:   %d cores, JDK %s; work directory %s%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), Runtime.version(), work);
        String accessKeyId = "AKIA" + randomUpper(16);
        String secret = randomUpper(40);
        try {
            Path source = work.resolve("source.bin");
            writeRandomFile(source, objectMiB << 20);
            largeObjects(root, work, accessKeyId, secret, source, rounds);
            Files.delete(source);

            smallObjects(root, work.resolve("small-sqlite"), accessKeyId, secret, threads, smallRun, Map.of(), "SQLite");
            String pgAdmin = System.getenv("STRONGROOM_BENCH_PG_URL");
            if (pgAdmin != null) {
                String database = "strongroom_bench_" + System.currentTimeMillis();
                try (Connection c = DriverManager.getConnection(pgAdmin); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + database);
                }
                String url = pgAdmin.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
                smallObjects(root, work.resolve("small-pg"), accessKeyId, secret, threads, smallRun,
                        Map.of("STRONGROOM_DB_URL", url), "PostgreSQL");
            }
            if (hugeGiB > 0) {
                hugeObject(root, work.resolve("huge"), accessKeyId, secret, hugeGiB);
            }
        } finally {
            deleteTree(work);
        }
    }

    /**
     * The 1 GiB rows: the encrypted node, the unencrypted node and the plain file channels take turns,
     * {@code rounds} times, each round in another order, and the figures are each path's median. A
     * single transfer swings by a third from one run to the next on these machines; taking turns
     * exposes all three paths to the same noise, and the median leaves out a round that caught a stall.
     */
    private static void largeObjects(Path root, Path work, String accessKeyId, String secret, Path source, int rounds)
            throws Exception {
        // a node's first GiB runs while the JIT compiles the AES-GCM and digest paths; both nodes get
        // the same warm-up PUT and GET first, so the figures are a running server's
        Path warmUp = work.resolve("warm-up.bin");
        writeRandomFile(warmUp, Math.min(Files.size(source) >> 20, WARM_UP_MIB) << 20);
        try (LargeObjectNode encrypted = LargeObjectNode.start(root, work.resolve("encrypted"), accessKeyId, secret,
                     true, warmUp);
             LargeObjectNode plain = LargeObjectNode.start(root, work.resolve("unencrypted"), accessKeyId, secret,
                     false, warmUp)) {
            Files.delete(warmUp);
            List<double[]> file = new ArrayList<>();
            List<double[]> sse = new ArrayList<>();
            List<double[]> skipped = new ArrayList<>();
            Path copy = work.resolve("raw-copy.bin");
            for (int round = 0; round < rounds; round++) {
                // three orders, so no path always runs first or right after the same neighbour
                for (int turn = 0; turn < 3; turn++) {
                    switch ((round + turn) % 3) {
                        case 0 -> {
                            double write = rawWrite(source, copy);
                            file.add(new double[] {write, rawRead(copy)});
                            Files.delete(copy);
                        }
                        case 1 -> sse.add(encrypted.putAndGet(source));
                        default -> skipped.add(plain.putAndGet(source));
                    }
                }
                System.out.printf(Locale.ROOT, "round %d:   MiB/s PUT/GET  file %,.0f/%,.0f  SSE-KMS %,.0f/%,.0f"
                                + "  unencrypted %,.0f/%,.0f  enc/unenc %.2f/%.2f%n", round + 1,
                        file.get(round)[0], file.get(round)[1], sse.get(round)[0], sse.get(round)[1],
                        skipped.get(round)[0], skipped.get(round)[1], sse.get(round)[0] / skipped.get(round)[0],
                        sse.get(round)[1] / skipped.get(round)[1]);
            }
            long mib = Files.size(source) >> 20;
            double[] rawMedian = medians(file);
            double[] sseMedian = medians(sse);
            double[] plainMedian = medians(skipped);
            row("file channels (baseline b), median", mib, rawMedian[0], rawMedian[1]);
            row("HTTP, SSE-KMS, median", mib, sseMedian[0], sseMedian[1]);
            row("HTTP, encryption skipped (baseline a), median", mib, plainMedian[0], plainMedian[1]);
            System.out.printf(Locale.ROOT, "ratios:    of the medians over %d rounds: encrypted/unencrypted PUT %.2f"
                            + " GET %.2f (target >= 0.85); encrypted/file channels PUT %.2f (>= 0.5) GET %.2f (>= 0.6)%n",
                    rounds, sseMedian[0] / plainMedian[0], sseMedian[1] / plainMedian[1], sseMedian[0] / rawMedian[0],
                    sseMedian[1] / rawMedian[1]);
        }
    }

    /** The median of each column (PUT, GET) over the rounds. */
    private static double[] medians(List<double[]> rounds) {
        double[] medians = new double[2];
        for (int column = 0; column < 2; column++) {
            int c = column;
            double[] sorted = rounds.stream().mapToDouble(r -> r[c]).sorted().toArray();
            int middle = sorted.length / 2;
            medians[column] = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
        return medians;
    }

    /** A node of its own for the 1 GiB transfers, with a bucket and a KMS key (named on both nodes' PUTs). */
    private static final class LargeObjectNode implements AutoCloseable {
        private final ServerProcess server;
        private final Clients clients;
        private final Map<String, String> sse;

        private LargeObjectNode(ServerProcess server, Clients clients, Map<String, String> sse) {
            this.server = server;
            this.clients = clients;
            this.sse = sse;
        }

        /** Starts the node (with {@code s3.benchmark-skip-encryption} unless {@code encrypted}) and warms it up. */
        static LargeObjectNode start(Path root, Path dataDir, String accessKeyId, String secret, boolean encrypted,
                                     Path warmUp) throws Exception {
            ServerProcess server = ServerProcess.start(root, dataDir, accessKeyId, secret, "",
                    encrypted ? Map.of() : Map.of("STRONGROOM_S3_BENCHMARK_SKIP_ENCRYPTION", "true"));
            Clients clients = new Clients(server.endpoint(), accessKeyId, secret, 1);
            try {
                clients.s3().createBucket(b -> b.bucket("bench-large"));
                String keyArn = clients.kms().createKey(b -> b.description("s3 bench")).keyMetadata().arn();
                LargeObjectNode node = new LargeObjectNode(server, clients, Map.of("x-amz-server-side-encryption",
                        "aws:kms", "x-amz-server-side-encryption-aws-kms-key-id", keyArn));
                putFile(clients.presignPut("bench-large", "warm-up.bin", node.sse), warmUp, node.sse);
                getAndDiscard(clients.presignGet("bench-large", "warm-up.bin"), null);
                return node;
            } catch (Exception e) {
                try (server) {
                    clients.close();
                }
                throw e;
            }
        }

        /** PUT then GET of the source through presigned URLs (GET from the disk), then DELETE; MiB/s of each. */
        double[] putAndGet(Path source) throws Exception {
            URI put = clients.presignPut("bench-large", "object.bin", sse);
            long size = Files.size(source);
            long start = System.nanoTime();
            putFile(put, source, sse);
            double putRate = mibPerSecond(size, System.nanoTime() - start);
            URI get = clients.presignGet("bench-large", "object.bin");
            dropPageCache();
            start = System.nanoTime();
            long read = getAndDiscard(get, null);
            double getRate = mibPerSecond(read, System.nanoTime() - start);
            if (read != size) {
                throw new AssertionError("GET returned " + read + " bytes of " + size);
            }
            clients.s3().deleteObject(b -> b.bucket("bench-large").key("object.bin"));
            return new double[] {putRate, getRate};
        }

        @Override
        public void close() throws Exception {
            try (server) {
                clients.close();
            }
        }
    }

    /** 4 KiB PUTs from every thread for the run's length, then GETs of what was put; ops/s of each. */
    private static void smallObjects(Path root, Path dataDir, String accessKeyId, String secret, int threads,
                                     Duration run, Map<String, String> settings, String store) throws Exception {
        try (ServerProcess server = ServerProcess.start(root, dataDir, accessKeyId, secret, "", settings);
             Clients clients = new Clients(server.endpoint(), accessKeyId, secret, threads)) {
            clients.s3().createBucket(b -> b.bucket("bench-small"));
            byte[] body = new byte[SMALL_OBJECT];
            ThreadLocalRandom.current().nextBytes(body);
            // A fresh node spends its first seconds compiling, with the compiler taking as much CPU as the
            // requests: warm up both paths before anything is timed.
            LongAdder[] warm = counters(threads);
            loop(threads, SMALL_WARM_UP, i -> {
                clients.s3(i).putObject(b -> b.bucket("bench-small").key("warm/" + i + "/" + warm[i].sum()),
                        RequestBody.fromBytes(body));
                warm[i].increment();
            });
            loop(threads, SMALL_WARM_UP, i -> clients.s3(i).getObjectAsBytes(b -> b.bucket("bench-small")
                    .key("warm/" + i + "/" + ThreadLocalRandom.current().nextLong(Math.max(1, warm[i].sum())))));
            LongAdder[] written = counters(threads);
            double puts = loop(threads, run, i -> {
                clients.s3(i).putObject(b -> b.bucket("bench-small").key("t" + i + "/" + written[i].sum()),
                        RequestBody.fromBytes(body));
                written[i].increment();
            });
            double gets = loop(threads, run, i -> {
                long n = ThreadLocalRandom.current().nextLong(Math.max(1, written[i].sum()));
                byte[] got = clients.s3(i).getObjectAsBytes(b -> b.bucket("bench-small").key("t" + i + "/" + n))
                        .asByteArrayUnsafe();
                if (got.length != SMALL_OBJECT) {
                    throw new AssertionError("a 4 KiB object came back with " + got.length + " bytes");
                }
            });
            System.out.printf(Locale.ROOT, "measured:  4 KiB objects, %d SDK clients, %s: PUT %,.0f/s (target >= 1,500),"
                    + " GET %,.0f/s (target >= 4,000)%n", threads, store, puts, gets);
        }
    }

    private static LongAdder[] counters(int threads) {
        LongAdder[] counters = new LongAdder[threads];
        for (int i = 0; i < threads; i++) {
            counters[i] = new LongAdder();
        }
        return counters;
    }

    /** A hugeGiB object through a node limited to a 256 MiB heap; its peak RSS. */
    private static void hugeObject(Path root, Path dataDir, String accessKeyId, String secret, long gib)
            throws Exception {
        Path source = dataDir.resolveSibling("huge-source.bin");
        writeRandomFile(source, gib << 30);
        String expectedMd5 = md5(source);
        try (ServerProcess server = ServerProcess.start(root, dataDir, accessKeyId, secret, "-Xmx256m", Map.of());
             Clients clients = new Clients(server.endpoint(), accessKeyId, secret, 1)) {
            clients.s3().createBucket(b -> b.bucket("bench-huge"));
            long start = System.nanoTime();
            putFile(clients.presignPut("bench-huge", "huge.bin", Map.of()), source, Map.of());
            double putRate = mibPerSecond(gib << 30, System.nanoTime() - start);
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            start = System.nanoTime();
            long read = getAndDiscard(clients.presignGet("bench-huge", "huge.bin"), md5);
            double getRate = mibPerSecond(read, System.nanoTime() - start);
            String actual = HexFormat.of().formatHex(md5.digest());
            System.out.printf(Locale.ROOT, "measured:  %d GiB object, server -Xmx256m: PUT %.0f MiB/s, GET %.0f MiB/s,"
                            + " body %s, server peak RSS %d MiB%n", gib, putRate, getRate,
                    actual.equals(expectedMd5) && read == gib << 30 ? "identical" : "DIFFERENT", server.peakRssMiB());
        } finally {
            Files.deleteIfExists(source);
        }
    }

    // ---- transfers

    private static void putFile(URI url, Path file, Map<String, String> headers) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        connection.setRequestMethod("PUT");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(Files.size(file));
        headers.forEach(connection::setRequestProperty);
        try (OutputStream out = connection.getOutputStream(); InputStream in = Files.newInputStream(file)) {
            in.transferTo(out);
        }
        if (connection.getResponseCode() != 200) {
            throw new IOException("PUT answered " + connection.getResponseCode());
        }
    }

    private static long getAndDiscard(URI url, MessageDigest digest) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        long total = 0;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = connection.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (digest != null) {
                    digest.update(buffer, 0, n);
                }
            }
        }
        return total;
    }

    private static double rawWrite(Path source, Path target) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
        long start = System.nanoTime();
        long size;
        try (FileChannel in = FileChannel.open(source); FileChannel out = FileChannel.open(target,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (in.read(buffer) != -1) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                buffer.clear();
            }
            out.force(true);
            size = out.size();
        }
        return mibPerSecond(size, System.nanoTime() - start);
    }

    private static double rawRead(Path file) throws IOException {
        dropPageCache();
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
        long start = System.nanoTime();
        long total = 0;
        try (FileChannel in = FileChannel.open(file)) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                buffer.clear();
            }
        }
        return mibPerSecond(total, System.nanoTime() - start);
    }

    // ---- helpers

    /**
     * Before each timed GET, the file system's page cache is emptied where this process may (root on
     * Linux), so both the plain read and the server's read come from the disk: otherwise the plain read
     * of a file just written measures memory, which no server can approach over HTTP. Says which it was.
     */
    private static void dropPageCache() {
        Path control = Path.of("/proc/sys/vm/drop_caches");
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
            Files.writeString(control, "3");
            if (!cacheDropNoted) {
                System.out.println("note:      page cache emptied before each timed GET (reads come from the disk)");
                cacheDropNoted = true;
            }
        } catch (IOException | InterruptedException | SecurityException e) {
            if (!cacheDropNoted) {
                System.out.println("note:      page cache could not be emptied (" + e.getMessage()
                        + "): timed GETs may read from memory");
                cacheDropNoted = true;
            }
        }
    }

    private static boolean cacheDropNoted;

    private interface Call {
        void run(int thread) throws Exception;
    }

    /** Runs {@code call} on every thread for {@code run}; calls per second over all threads. */
    private static double loop(int threads, Duration run, Call call) throws InterruptedException {
        LongAdder done = new LongAdder();
        LongAdder failed = new LongAdder();
        long end = System.nanoTime() + run.toNanos();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            int thread = i;
            workers.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    try {
                        call.run(thread);
                        done.increment();
                    } catch (Exception | AssertionError e) {
                        failed.increment();
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failed.sum() > 0) {
            throw new IllegalStateException(failed.sum() + " calls failed");
        }
        return done.sum() / ((System.nanoTime() - start) / 1e9);
    }

    private static void row(String path, long mib, double put, double get) {
        System.out.printf(Locale.ROOT, "measured:  %-46s %,d MiB  PUT %,7.0f MiB/s  GET %,7.0f MiB/s%n", path, mib,
                put, get);
    }

    private static double mibPerSecond(long bytes, long nanos) {
        return (bytes / 1048576.0) / (nanos / 1e9);
    }

    private static void writeRandomFile(Path file, long size) throws IOException {
        byte[] block = new byte[BUFFER];
        new SecureRandom().nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += BUFFER) {
                block[(int) (written / BUFFER % BUFFER)]++; // no two blocks alike
                out.write(block, 0, (int) Math.min(BUFFER, size - written));
            }
        }
    }

    private static String md5(Path file) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                md5.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private static String randomUpper(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** One S3 and KMS client per thread, each on its own connection pool, and a presigner. */
    private static final class Clients implements AutoCloseable {
        private final List<SdkHttpClient> http = new ArrayList<>();
        private final List<S3Client> s3 = new ArrayList<>();
        private final KmsClient kms;
        private final S3Presigner presigner;

        Clients(URI endpoint, String accessKeyId, String secret, int threads) {
            StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(accessKeyId, secret));
            for (int i = 0; i < threads; i++) {
                SdkHttpClient client = ApacheHttpClient.builder().maxConnections(2).build();
                http.add(client);
                s3.add(S3Client.builder().endpointOverride(endpoint).region(Region.of(REGION)).forcePathStyle(true)
                        .credentialsProvider(credentials).httpClient(client)
                        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                        .build());
            }
            kms = KmsClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                    .credentialsProvider(credentials).httpClient(http.getFirst()).build();
            presigner = S3Presigner.builder().endpointOverride(endpoint).region(Region.of(REGION))
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                    .credentialsProvider(credentials).build();
        }

        S3Client s3() {
            return s3.getFirst();
        }

        S3Client s3(int thread) {
            return s3.get(thread);
        }

        KmsClient kms() {
            return kms;
        }

        URI presignPut(String bucket, String key, Map<String, String> sse) throws Exception {
            return presigner.presignPutObject(r -> r.signatureDuration(Duration.ofHours(1)).putObjectRequest(p -> {
                p.bucket(bucket).key(key);
                if (!sse.isEmpty()) {
                    p.serverSideEncryption(ServerSideEncryption.AWS_KMS)
                            .ssekmsKeyId(sse.get("x-amz-server-side-encryption-aws-kms-key-id"));
                }
            })).url().toURI();
        }

        URI presignGet(String bucket, String key) throws Exception {
            return presigner.presignGetObject(r -> r.signatureDuration(Duration.ofHours(1))
                    .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toURI();
        }

        @Override
        public void close() {
            presigner.close();
            kms.close();
            s3.forEach(S3Client::close);
            http.forEach(SdkHttpClient::close);
        }
    }
}
