package io.strongroom.rootkey;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PKCS#11 provider against SoftHSM2 with a private token directory. Each phase runs in its own
 * JVM ({@link Pkcs11Scenario}) with SOFTHSM2_CONF in its environment, which also proves that keys
 * persist in the token across processes. Skips with a notice when SoftHSM2 is not installed.
 */
class Pkcs11RootKeyProviderTest {

    static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    static final String SECRET = new String(Pkcs11Scenario.SECRET, StandardCharsets.UTF_8);

    @TempDir
    Path work;
    Path config;

    @BeforeEach
    void initialiseToken() throws Exception {
        boolean available = Files.isReadable(LIBRARY) && onPath("softhsm2-util");
        if (!available) {
            System.out.println("NOTICE: SoftHSM2 is not installed (" + LIBRARY + ", softhsm2-util);"
                    + " skipping the PKCS#11 root-key tests. Install the softhsm2 package to run them.");
        }
        Assumptions.assumeTrue(available, "SoftHSM2 is not installed");
        Path tokens = Files.createDirectory(work.resolve("tokens"));
        config = work.resolve("softhsm2.conf");
        Files.writeString(config, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        Result init = run(List.of("softhsm2-util", "--init-token", "--free", "--label", "strongroom-test",
                "--pin", "1234", "--so-pin", "5678"));
        assertThat(init.exitCode()).as(init.output()).isZero();
    }

    @Test
    void wrapsInTheTokenRotatesAndKeepsKeysAcrossProcesses() throws Exception {
        Map<String, String> first = scenario("first");
        assertThat(first).containsEntry("kind", "pkcs11")
                .containsEntry("current", "v1")
                .hasEntrySatisfying("random", random -> assertThat(random).startsWith("PKCS11@SunPKCS11"))
                .containsEntry("roundTrip", SECRET)
                .containsEntry("rotated", "v2")
                .containsEntry("v2version", "v2")
                .containsEntry("v1AfterRotate", SECRET);
        assertThat(first.get("wrongAad")).startsWith("RootKeyException: Root-key blob is not authentic");
        assertThat(first.get("flipped")).startsWith("RootKeyException: Root-key blob is not authentic");
        // The key object is a handle into the token: no bytes come out of it.
        assertThat(first.get("keyClass")).startsWith("P11SecretKey");
        assertThat(first.get("encoded")).isEqualTo("null");
        assertThat(first.get("toString")).doesNotContain("1234");

        Map<String, String> second = scenario("second");
        assertThat(second).containsEntry("current", "v2").containsEntry("v1", SECRET).containsEntry("v2", SECRET)
                .containsEntry("retireCurrent", "RootKeyException: Cannot retire the current root-key version v2")
                .containsEntry("v1AfterRetire", "RootKeyException: Unknown root-key version v1");

        Map<String, String> third = scenario("third");
        assertThat(third).containsEntry("current", "v2").containsEntry("v2", SECRET)
                .containsEntry("v1", "RootKeyException: Unknown root-key version v1");
    }

    @Test
    void findsTheTokenByLabel() throws Exception {
        scenario("first");
        scenario("second");

        assertThat(scenario("by-label")).containsEntry("current", "v2").containsEntry("v2", SECRET);
    }

    @Test
    void aRunningNodeWrapsUnderAVersionAnotherProcessCreated() throws Exception {
        Map<String, String> facts = scenario("rotated-elsewhere");

        assertThat(facts).containsEntry("before", "v1").containsEntry("rotated", "v2")
                .containsEntry("after", "v2").containsEntry("commandReads", SECRET);
    }

    @Test
    void wrongPinFailsClearly() throws Exception {
        Map<String, String> facts = scenario("wrong-pin");

        assertThat(facts.get("open")).isEqualTo("RootKeyException: PKCS#11 login failed: the PIN is incorrect ("
                + LIBRARY + ")");
    }

    private Map<String, String> scenario(String phase) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Result result = run(List.of(java.toString(),
                "--add-exports", "jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                Pkcs11Scenario.class.getName(), phase, work.toString(), LIBRARY.toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
        Map<String, String> facts = new LinkedHashMap<>();
        for (String line : result.output().split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                facts.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return facts;
    }

    private record Result(int exitCode, String output) {
    }

    private Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", config.toString());
        builder.environment().put("TEST_HSM_PIN", "1234");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child JVM did not finish: " + output);
        }
        return new Result(process.exitValue(), output);
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}
