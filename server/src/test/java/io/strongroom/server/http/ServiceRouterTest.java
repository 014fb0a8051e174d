package io.strongroom.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.protocol.ApiRequest;
import io.strongroom.server.testsupport.FakeAuthenticator;
import io.strongroom.server.testsupport.FakeServiceHandler;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceRouterTest {

    private final FakeServiceHandler iam = new FakeServiceHandler("iam");
    private final FakeServiceHandler sts = new FakeServiceHandler("sts");
    private final FakeServiceHandler kms = new FakeServiceHandler("kms");
    private final FakeServiceHandler cloudTrail = new FakeServiceHandler("cloudtrail");
    private final ServiceRouter router = new ServiceRouter(List.of(iam, sts, kms, cloudTrail));

    private static ApiRequest request(String method, String query, Map<String, List<String>> headers, String body) {
        return new ApiRequest(method, "/", query, headers, body.getBytes(StandardCharsets.UTF_8), "127.0.0.1", false,
                "req-1", Instant.EPOCH);
    }

    @Test
    void theCredentialScopeOfTheAuthorizationHeaderDecides() {
        var headers = Map.of("Authorization", List.of(FakeAuthenticator.authorization("AKIAX", "us-east-1", "sts")));
        // the Action would say iam; the signature's scope wins
        assertThat(router.route(request("POST", "Action=ListUsers", headers, ""))).isSameAs(sts);
    }

    @Test
    void thePresignedCredentialDecides() {
        String query = "Action=ListUsers&X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIAX%2F20240101%2Fus-east-1%2Fsts%2Faws4_request&X-Amz-Signature=00";
        assertThat(router.route(request("GET", query, Map.of(), ""))).isSameAs(sts);
    }

    @Test
    void aScopeNamingAnUnservedServiceGetsTheGenericHandler() {
        var headers = Map.of("Authorization", List.of(FakeAuthenticator.authorization("AKIAX", "us-east-1", "s3")));
        assertThat(router.route(request("GET", "", headers, ""))).isInstanceOf(UnroutableRequestHandler.class);
    }

    @Test
    void aHostileBodyIsScannedForItsActionNotDecoded() {
        var form = Map.of("Content-Type", List.of("application/x-www-form-urlencoded"));
        // a million bytes of tiny fields: routing must neither split nor decode them
        String hostile = "0&".repeat(500_000);
        assertThat(router.route(request("POST", "", form, hostile + "Action=GetCallerIdentity"))).isSameAs(sts);
        assertThat(router.route(request("POST", "", form, hostile))).isInstanceOf(UnroutableRequestHandler.class);
    }

    @Test
    void withoutSignatureTheQueryActionDecides() {
        assertThat(router.route(request("GET", "Action=GetCallerIdentity&Version=2011-06-15", Map.of(), ""))).isSameAs(sts);
        assertThat(router.route(request("GET", "Action=AssumeRole", Map.of(), ""))).isSameAs(sts);
        assertThat(router.route(request("GET", "Action=GetSessionToken", Map.of(), ""))).isSameAs(sts);
        assertThat(router.route(request("GET", "Action=CreateUser", Map.of(), ""))).isSameAs(iam);
        assertThat(router.route(request("GET", "Action=NoSuchThing", Map.of(), ""))).isSameAs(iam);
    }

    @Test
    void theActionOfAFormBodyDecides() {
        var form = Map.of("Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8"));
        assertThat(router.route(request("POST", "", form, "Version=2011-06-15&Action=GetCallerIdentity"))).isSameAs(sts);
        assertThat(router.route(request("POST", "", form, "Action=ListUsers&Version=2010-05-08"))).isSameAs(iam);
        // a body that is not a form is not read for markers
        var json = Map.of("Content-Type", List.of("application/json"));
        assertThat(router.route(request("POST", "", json, "Action=ListUsers"))).isInstanceOf(UnroutableRequestHandler.class);
    }

    @Test
    void theJsonTargetDecides() {
        var headers = Map.of("X-Amz-Target", List.of("TrentService.Encrypt"));
        assertThat(router.route(request("POST", "", headers, "{}"))).isSameAs(kms);
        var unknown = Map.of("X-Amz-Target", List.of("DynamoDB_20120810.GetItem"));
        assertThat(router.route(request("POST", "", unknown, "{}"))).isInstanceOf(UnroutableRequestHandler.class);
        // a target prefix with dots of its own
        var lookup = Map.of("X-Amz-Target", List.of("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents"));
        assertThat(router.route(request("POST", "", lookup, "{}"))).isSameAs(cloudTrail);
        var truncated = Map.of("X-Amz-Target", List.of("com.amazonaws.cloudtrail.v20131101.LookupEvents"));
        assertThat(router.route(request("POST", "", truncated, "{}"))).isInstanceOf(UnroutableRequestHandler.class);
    }

    @Test
    void anythingElseGetsTheGenericHandler() {
        assertThat(router.route(request("GET", "", Map.of(), ""))).isInstanceOf(UnroutableRequestHandler.class);
    }

    @Test
    void aMalformedScopeFallsBackToTheMarkers() {
        var malformed = Map.of("Authorization", List.of("AWS4-HMAC-SHA256 Credential=garbage"));
        assertThat(router.route(request("GET", "Action=ListUsers", malformed, ""))).isSameAs(iam);
        assertThat(router.route(request("GET", "", malformed, ""))).isInstanceOf(UnroutableRequestHandler.class);
    }

    @Test
    void twoHandlersForOneServiceAreRefused() {
        assertThatThrownBy(() -> new ServiceRouter(List.of(iam, new FakeServiceHandler("iam"))))
                .hasMessage("two handlers for service iam");
    }
}
