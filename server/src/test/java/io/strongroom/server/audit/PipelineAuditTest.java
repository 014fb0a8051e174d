package io.strongroom.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.server.config.Setting;
import io.strongroom.server.lifecycle.StrongroomServer;
import io.strongroom.server.testsupport.FakeAuthenticator;
import io.strongroom.server.testsupport.FakeComponents;
import io.strongroom.server.testsupport.Http;
import io.strongroom.server.testsupport.TestConfigs;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every call through the pipeline leaves exactly one record, whatever its outcome. */
class PipelineAuditTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final FakeComponents components = new FakeComponents();
    private StrongroomServer server;

    @BeforeEach
    void start() throws Exception {
        server = new StrongroomServer(TestConfigs.dev(dataDir, Map.of(Setting.MAX_REQUEST_BODY, "4KiB")),
                config -> components);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI api(String pathAndQuery) {
        return URI.create(server.apiEndpoint() + pathAndQuery);
    }

    /** Sends one request and returns its response and the one record it left. */
    private Recorded call(HttpRequest request) throws Exception {
        long before = components.records().size();
        HttpResponse<String> response = Http.send(request);
        List<StoredAuditRecord> records = components.records();
        assertThat(records).as("records left by one call").hasSize((int) before + 1);
        StoredAuditRecord record = records.getLast();
        JsonNode json = JSON.readTree(record.eventJson());
        assertThat(json.path("requestID").asText())
                .isEqualTo(response.headers().firstValue("x-amz-request-id").orElseThrow());
        return new Recorded(response, record, json);
    }

    private record Recorded(HttpResponse<String> response, StoredAuditRecord record, JsonNode json) {
    }

    @Test
    void aSuccessfulReadIsRecordedWithItsCallerAndParametersButNoResponse() throws Exception {
        Recorded read = call(Http.signed(api("/?Action=ListUsers&PathPrefix=%2Fteam%2F"), FakeAuthenticator.GOOD_KEY,
                "iam").header("User-Agent", "aws-cli/2.9").GET().build());
        assertThat(read.response().statusCode()).isEqualTo(200);
        JsonNode json = read.json();
        assertThat(json.path("eventName").asText()).isEqualTo("ListUsers");
        assertThat(json.path("eventSource").asText()).isEqualTo("iam.amazonaws.com");
        assertThat(json.path("readOnly").asBoolean()).isTrue();
        assertThat(json.path("userIdentity").path("type").asText()).isEqualTo("IAMUser");
        assertThat(json.path("userIdentity").path("arn").asText()).isEqualTo(FakeAuthenticator.ALICE_ARN);
        assertThat(json.path("userIdentity").path("accessKeyId").asText()).isEqualTo(FakeAuthenticator.GOOD_KEY);
        assertThat(json.path("userIdentity").path("userName").asText()).isEqualTo("alice");
        assertThat(json.path("recipientAccountId").asText()).isEqualTo("111122223333");
        assertThat(json.path("sourceIPAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(json.path("userAgent").asText()).isEqualTo("aws-cli/2.9");
        assertThat(json.path("requestParameters").path("pathPrefix").asText()).isEqualTo("/team/");
        assertThat(json.path("requestParameters").has("action")).isFalse();
        assertThat(json.path("responseElements").isNull()).isTrue();
        assertThat(json.has("errorCode")).isFalse();
        assertThat(json.path("eventCategory").asText()).isEqualTo("Management");
    }

    @Test
    void aSuccessfulChangeIsRecordedWithWhatItReturned() throws Exception {
        Recorded change = call(Http.signed(api("/?Action=CreateThing&ThingName=t1"), FakeAuthenticator.GOOD_KEY,
                "iam").GET().build());
        assertThat(change.response().statusCode()).isEqualTo(200);
        assertThat(change.json().path("readOnly").asBoolean()).isFalse();
        assertThat(change.json().path("requestParameters").path("thingName").asText()).isEqualTo("t1");
        assertThat(change.record().eventName()).isEqualTo("CreateThing");
    }

    @Test
    void aDeniedCallIsRecordedWithItsErrorCode() throws Exception {
        Recorded denied = call(Http.signed(api("/?Action=Denied"), FakeAuthenticator.GOOD_KEY, "iam").GET().build());
        assertThat(denied.response().statusCode()).isEqualTo(403);
        assertThat(denied.json().path("errorCode").asText()).isEqualTo("AccessDenied");
        assertThat(denied.json().path("errorMessage").asText()).isEqualTo("not allowed");
        assertThat(denied.json().path("userIdentity").path("arn").asText()).isEqualTo(FakeAuthenticator.ALICE_ARN);
    }

    @Test
    void aFailedAuthenticationIsRecordedWithTheClaimedKeyAndWithoutItsParameters() throws Exception {
        Recorded refused = call(Http.signed(api("/?Action=CreateThing&Secret=planted"), "AKIAWRONGWRONGWRONG1",
                "iam").GET().build());
        assertThat(refused.response().statusCode()).isEqualTo(403);
        JsonNode json = refused.json();
        assertThat(json.path("errorCode").asText()).isEqualTo("InvalidClientTokenId");
        assertThat(json.path("userIdentity").path("type").asText()).isEqualTo("Unknown");
        assertThat(json.path("userIdentity").path("accessKeyId").asText()).isEqualTo("AKIAWRONGWRONGWRONG1");
        assertThat(json.path("recipientAccountId").asText()).isEqualTo(FakeComponents.HOME_ACCOUNT);
        assertThat(json.path("requestParameters").isNull()).isTrue();
        assertThat(refused.record().eventJson()).doesNotContain("planted");
    }

    @Test
    void anUnsignedCallIsRecordedToo() throws Exception {
        Recorded unsigned = call(HttpRequest.newBuilder(api("/?Action=ListUsers")).GET().build());
        assertThat(unsigned.response().statusCode()).isBetween(400, 403);
        assertThat(unsigned.json().path("userIdentity").path("type").asText()).isEqualTo("Unknown");
        assertThat(unsigned.json().path("userIdentity").has("accessKeyId")).isFalse();
        assertThat(unsigned.json().path("errorCode").asText()).isNotEmpty();
    }

    @Test
    void anInternalFailureIsRecordedWithoutItsInternals() throws Exception {
        Recorded boom = call(Http.signed(api("/?Action=Boom"), FakeAuthenticator.GOOD_KEY, "iam").GET().build());
        assertThat(boom.response().statusCode()).isEqualTo(500);
        assertThat(boom.json().path("errorCode").asText()).isEqualTo("InternalFailure");
        assertThat(boom.record().eventJson()).doesNotContain("jdbc:postgresql");
    }

    @Test
    void anOversizedBodyIsRecordedAsRefused() throws Exception {
        Recorded tooLarge = call(Http.signed(api("/?Action=CreateThing"), FakeAuthenticator.GOOD_KEY, "iam")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(8 * 1024))).build());
        assertThat(tooLarge.response().statusCode()).isEqualTo(413);
        assertThat(tooLarge.json().path("errorCode").asText()).isEqualTo(
                tooLarge.response().body().replaceAll("(?s).*<Code>([^<]+)</Code>.*", "$1"));
    }

    @Test
    void withoutADurableRecordNoCallSucceeds() throws Exception {
        components.auditStoreDown.set(true);
        HttpResponse<String> read = Http.send(Http.signed(api("/?Action=ListUsers"), FakeAuthenticator.GOOD_KEY, "iam")
                .GET().build());
        HttpResponse<String> change = Http.send(Http.signed(api("/?Action=CreateThing"), FakeAuthenticator.GOOD_KEY,
                "iam").GET().build());
        HttpResponse<String> denied = Http.send(Http.signed(api("/?Action=Denied"), FakeAuthenticator.GOOD_KEY, "iam")
                .GET().build());
        components.auditStoreDown.set(false);

        for (HttpResponse<String> response : List.of(read, change, denied)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
            assertThat(response.body()).contains("<Code>InternalFailure</Code>").doesNotContain("audit store");
        }
        assertThat(components.records()).isEmpty();
    }

    @Test
    void recordsFormOneChainInCallOrder() throws Exception {
        for (int i = 0; i < 5; i++) {
            call(Http.signed(api("/?Action=ListUsers"), FakeAuthenticator.GOOD_KEY, "iam").GET().build());
        }
        List<StoredAuditRecord> records = components.records();
        for (int i = 1; i < records.size(); i++) {
            assertThat(records.get(i).sequence()).isEqualTo(records.get(i - 1).sequence() + 1);
            assertThat(records.get(i).previousHash()).isEqualTo(records.get(i - 1).hash());
        }
    }
}
