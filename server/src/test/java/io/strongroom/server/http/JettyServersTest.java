package io.strongroom.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.server.config.Setting;
import io.strongroom.server.testsupport.TestConfigs;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JettyServersTest {

    @TempDir
    Path dataDir;

    private static final Handler NOTHING = new Handler.Abstract() {
        @Override
        public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                              org.eclipse.jetty.util.Callback callback) {
            return false;
        }
    };

    @Test
    void theManagementPortBindsItsOwnHostLoopbackByDefault() {
        var config = TestConfigs.dev(dataDir, Map.of(Setting.BIND_HOST, "0.0.0.0"));
        var management = JettyServers.management(config, NOTHING);
        assertThat(((ServerConnector) management.getConnectors()[0]).getHost()).isEqualTo("127.0.0.1");

        var exposed = TestConfigs.dev(dataDir, Map.of(Setting.MANAGEMENT_BIND_HOST, "0.0.0.0"));
        assertThat(((ServerConnector) JettyServers.management(exposed, NOTHING).getConnectors()[0]).getHost())
                .isEqualTo("0.0.0.0");
    }
}
