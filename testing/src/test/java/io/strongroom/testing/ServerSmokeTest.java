package io.strongroom.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** The in-process server answers real AWS SDK clients and reports health and metrics. */
@ExtendWith(StrongroomExtension.class)
class ServerSmokeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void getCallerIdentityAsTheAdministrator(StsClient sts, StrongroomTestServer server) {
        GetCallerIdentityResponse identity = sts.getCallerIdentity();
        assertThat(identity.account()).matches("[0-9]{12}");
        assertThat(identity.arn()).matches("arn:aws:iam::" + identity.account() + ":user/.+");
        assertThat(identity.userId()).startsWith("AIDA");
        assertThat(server.admin().accessKeyId()).startsWith("AKIA");
    }

    @Test
    void aWrongSecretIsRefusedWithSignatureDoesNotMatch(StrongroomTestServer server) {
        AwsClients impostor = server.clientsFor(server.admin().accessKeyId(), "x".repeat(40));
        assertThatThrownBy(() -> impostor.sts().getCallerIdentity())
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.requestId()).isNotBlank();
                });
    }

    @Test
    void readyAndCountingRequests(StrongroomTestServer server, StsClient sts) throws Exception {
        sts.getCallerIdentity();
        HttpResponse<String> ready = get(server.managementEndpoint().resolve("/health/ready"));
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"");
        HttpResponse<String> metrics = get(server.managementEndpoint().resolve("/metrics"));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).containsPattern(
                "strongroom_requests_total\\{operation=\"GetCallerIdentity\",service=\"sts\",status=\"200\"} [1-9]");
    }

    @Test
    void theServerUsesItsOwnDataDirectory(StrongroomTestServer server) {
        assertThat(server.dataDir()).isDirectory();
        assertThat(Files.exists(server.dataDir().resolve("strongroom.db"))).isTrue();
        assertThat(server.endpoint().getPort()).isEqualTo(server.httpPort()).isNotEqualTo(9000);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
