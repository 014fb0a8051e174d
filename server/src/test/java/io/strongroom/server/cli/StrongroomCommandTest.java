package io.strongroom.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.server.lifecycle.RootKeyRotationRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StrongroomCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicReference<io.strongroom.server.config.ServerConfig> rotated = new AtomicReference<>();

    private int run(Map<String, String> env, String... args) {
        RootKeyRotationRunner rotation = config -> {
            rotated.set(config);
            return new RootKeyRotationRunner.Summary(true, "Root key rotated from v1 to v2");
        };
        Launch launch = new Launch(env, config -> {
            throw new AssertionError("a bad configuration must stop before components open");
        }, rotation, (config, request) -> {
            throw new AssertionError("not explaining here");
        }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return StrongroomCommand.run(args, launch);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void badFlagValueExitsTwoNamingTheSetting() {
        assertThat(run(Map.of(), "start-dev", "--http-port", "99999")).isEqualTo(2);
        assertThat(stderr()).contains("Invalid setting http-port from flag --http-port: port 99999 is out of range 0-65535");
    }

    @Test
    void unknownEnvironmentVariableExitsTwo() {
        assertThat(run(Map.of("STRONGROOM_HTTPPORT", "1"), "start-dev")).isEqualTo(2);
        assertThat(stderr()).contains("Unknown environment variable STRONGROOM_HTTPPORT");
    }

    @Test
    void startWithoutProductionSettingsExitsTwoNamingThem() {
        assertThat(run(Map.of(), "start")).isEqualTo(2);
        assertThat(stderr()).contains("tls-certificate").contains("tls-key").contains("db-url").contains("root-key");
    }

    @Test
    void unknownFlagExitsTwo() {
        assertThat(run(Map.of(), "start-dev", "--http-prot", "1")).isEqualTo(2);
        assertThat(stderr()).contains("--http-prot");
    }

    @Test
    void noCommandPrintsUsageAndExitsTwo() {
        assertThat(run(Map.of())).isEqualTo(2);
        assertThat(stderr()).contains("start-dev").contains("root-key");
    }

    @Test
    void versionPrintsAndExitsZero() {
        assertThat(run(Map.of(), "version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("strongroom ");
    }

    @Test
    void rootKeyRotateUsesTheSameSettings() {
        assertThat(run(Map.of("STRONGROOM_DB_URL", "jdbc:sqlite:/tmp/x.db"), "root-key", "rotate", "--data-dir", "/srv/d"))
                .isZero();
        assertThat(rotated.get().dbUrl()).isEqualTo("jdbc:sqlite:/tmp/x.db");
        assertThat(rotated.get().rootKey().option("path")).contains("/srv/d/root-key");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Root key rotated from v1 to v2");
    }
}
