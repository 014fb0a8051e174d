package io.strongroom.server.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.server.config.ConfigurationException;
import io.strongroom.server.config.Mode;
import io.strongroom.server.config.ServerConfig;
import io.strongroom.server.config.Setting;
import io.strongroom.server.testsupport.FakeComponents;
import io.strongroom.server.testsupport.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrongroomServerTest {

    @TempDir
    Path tmp;

    @Test
    void startDevCreatesTheDataDirectoryOwnerOnlyAndBecomesReady() throws Exception {
        Path dataDir = tmp.resolve("data");
        try (StrongroomServer server = new StrongroomServer(TestConfigs.dev(dataDir), config -> new FakeComponents())) {
            server.start();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
            assertThat(server.readiness().isReady()).isTrue();
            assertThat(server.httpPort()).isPositive().isNotEqualTo(server.managementPort());
            assertThat(server.apiEndpoint().toString()).isEqualTo("http://127.0.0.1:" + server.httpPort());
        }
    }

    @Test
    void productionModeCreatesTheDataDirectoryOwnerOnlyToo() throws Exception {
        ServerConfig dev = TestConfigs.dev(tmp.resolve("prod-data"));
        ServerConfig prod = new ServerConfig(Mode.PROD, dev.dataDir(), dev.bindHost(), dev.managementBindHost(),
                dev.httpPort(), dev.managementPort(), dev.region(), dev.dbUrl(), dev.rootKey(), dev.tls(),
                dev.shutdownTimeout(), dev.maxRequestBody(), dev.maxConcurrentRequests(), dev.trustedProxies(),
                dev.bootstrapAdmin());
        try (StrongroomServer server = new StrongroomServer(prod, config -> new FakeComponents())) {
            server.start();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dev.dataDir()))).isEqualTo("rwx------");
        }
    }

    @Test
    void aFailureWhileOpeningComponentsStartsNothing() {
        StrongroomServer server = new StrongroomServer(TestConfigs.dev(tmp), config -> {
            throw new ConfigurationException("root key cannot be opened");
        });
        assertThatThrownBy(server::start).hasMessage("root key cannot be opened");
        assertThatThrownBy(server::httpPort).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBusyPortFailsTheStartAndClosesTheComponents() throws Exception {
        FakeComponents first = new FakeComponents();
        try (StrongroomServer running = new StrongroomServer(TestConfigs.dev(tmp), config -> first)) {
            running.start();
            FakeComponents second = new FakeComponents();
            StrongroomServer clash = new StrongroomServer(TestConfigs.dev(tmp,
                    Map.of(Setting.HTTP_PORT, Integer.toString(running.httpPort()))), config -> second);
            assertThatThrownBy(clash::start).isInstanceOf(java.io.IOException.class);
            assertThat(second.closed).isTrue();
            assertThat(first.closed).isFalse();
        }
        assertThat(first.closed).isTrue();
    }
}
