package io.strongroom.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.server.config.Setting;
import io.strongroom.server.lifecycle.StrongroomServer;
import io.strongroom.server.testsupport.FakeAuthenticator;
import io.strongroom.server.testsupport.FakeComponents;
import io.strongroom.server.testsupport.Http;
import io.strongroom.server.testsupport.TestConfigs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API port over real HTTP, with fake services and a fake authenticator. */
class ApiServerTest {

    private static final String REQUEST_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TempDir
    Path dataDir;

    private final FakeComponents components = new FakeComponents();
    private StrongroomServer server;

    @BeforeEach
    void start() throws Exception {
        server = new StrongroomServer(TestConfigs.dev(dataDir, Map.of(Setting.MAX_REQUEST_BODY, "4KiB")), config -> components);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI api(String pathAndQuery) {
        return URI.create(server.apiEndpoint() + pathAndQuery);
    }

    @Test
    void anAuthenticatedCallReachesTheServiceOfItsScope() throws Exception {
        HttpResponse<String> response = Http.send(Http.signed(api("/?Action=ListUsers"), FakeAuthenticator.GOOD_KEY, "iam")
                .header("User-Agent", "test-agent/1.0").GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("<Ok service=\"iam\" operation=\"ListUsers\" caller=\""
                + FakeAuthenticator.ALICE_ARN + "\" bodyBytes=\"0\"/>");
        var call = components.iam.calls().poll();
        assertThat(call).isNotNull();
        assertThat(call.sourceIp()).isEqualTo("127.0.0.1");
        assertThat(call.userAgent()).isEqualTo("test-agent/1.0");
        assertThat(call.region()).isEqualTo("us-east-1");
        assertThat(call.secureTransport()).isFalse();
        assertThat(call.requestId()).isEqualTo(response.headers().firstValue("x-amz-request-id").orElseThrow());
        assertThat(components.sts.calls()).isEmpty();
    }

    @Test
    void everyResponseCarriesARequestIdAndDate() throws Exception {
        HttpResponse<String> ok = Http.send(Http.signed(api("/?Action=ListUsers"), FakeAuthenticator.GOOD_KEY, "iam").GET().build());
        HttpResponse<String> unauthenticated = Http.get(api("/?Action=GetCallerIdentity"));
        HttpResponse<String> unroutable = Http.get(api("/some/bucket/key"));
        for (HttpResponse<String> response : java.util.List.of(ok, unauthenticated, unroutable)) {
            String id = response.headers().firstValue("x-amz-request-id").orElseThrow();
            assertThat(id).matches(REQUEST_ID);
            assertThat(response.headers().firstValue("x-amzn-RequestId")).contains(id);
            assertThat(response.headers().firstValue("Date")).isPresent();
            assertThat(response.headers().firstValue("Server")).isEmpty();
        }
        assertThat(ok.headers().firstValue("x-amz-request-id"))
                .isNotEqualTo(unauthenticated.headers().firstValue("x-amz-request-id"));
    }

    @Test
    void anUnauthenticatedCallGetsItsServicesErrorShape() throws Exception {
        HttpResponse<String> response = Http.get(api("/?Action=GetCallerIdentity&Version=2011-06-15"));
        assertThat(response.statusCode()).isEqualTo(403);
        String id = response.headers().firstValue("x-amz-request-id").orElseThrow();
        assertThat(response.body()).isEqualTo("<Error service=\"sts\"><Code>MissingAuthenticationToken</Code>"
                + "<Message>Request is missing Authentication Token</Message><RequestId>" + id + "</RequestId></Error>");
        assertThat(components.sts.calls()).isEmpty();
    }

    @Test
    void anUnknownAccessKeyIsRefusedBeforeTheService() throws Exception {
        HttpResponse<String> response = Http.send(Http.signed(api("/?Action=ListUsers"), "AKIAUNKNOWNUNKNOWN12", "iam").GET().build());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>InvalidClientTokenId</Code>").startsWith("<Error service=\"iam\">");
        assertThat(components.iam.calls()).isEmpty();
    }

    @Test
    void aRequestNoServiceClaimsGetsAGenericAwsErrorAfterAuthentication() throws Exception {
        HttpResponse<String> anonymous = Http.get(api("/bucket/key"));
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(anonymous.body()).contains("<ErrorResponse").contains("<Code>MissingAuthenticationToken</Code>")
                .contains("<Type>Sender</Type>");
        HttpResponse<String> authenticated = Http.send(Http.signed(api("/bucket/key"), FakeAuthenticator.GOOD_KEY, "s3").GET().build());
        assertThat(authenticated.statusCode()).isEqualTo(400);
        assertThat(authenticated.body()).contains("<Code>InvalidAction</Code>")
                .contains("<RequestId>" + authenticated.headers().firstValue("x-amz-request-id").orElseThrow() + "</RequestId>");
    }

    @Test
    void aSignatureForAnotherRegionIsRefused() throws Exception {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(api("/?Action=ListUsers"))
                .header("Authorization", FakeAuthenticator.authorization(FakeAuthenticator.GOOD_KEY, "eu-west-1", "iam"))
                .GET().build());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).startsWith("<Error service=\"iam\">")
                .contains("<Code>SignatureDoesNotMatch</Code><Message>Credential should be scoped to a valid region, not 'eu-west-1'. </Message>");
        assertThat(components.iam.calls()).isEmpty();
    }

    @Test
    void aSignatureForAnotherServiceIsRefused() throws Exception {
        // sts_ is no service name the router knows, so the Action routes the call to iam
        HttpResponse<String> response = Http.send(Http.signed(api("/?Action=ListUsers"), FakeAuthenticator.GOOD_KEY, "sts_")
                .GET().build());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).startsWith("<Error service=\"iam\">").contains("<Code>SignatureDoesNotMatch</Code>"
                + "<Message>Credential should be scoped to correct service: 'iam'. </Message>");
        assertThat(components.iam.calls()).isEmpty();
        assertThat(components.sts.calls()).isEmpty();
    }

    @Test
    void anUnexpectedFailureIsA500WithoutInternals() throws Exception {
        HttpResponse<String> response = Http.send(Http.signed(api("/?Action=Boom"), FakeAuthenticator.GOOD_KEY, "iam").GET().build());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<Code>InternalFailure</Code>")
                .contains("We encountered an internal error. Please try again.")
                .doesNotContain("jdbc").doesNotContain("IllegalStateException").doesNotContain("internal detail");
        assertThat(response.headers().firstValue("x-amz-request-id")).isPresent();
    }

    @Test
    void aServiceErrorKeepsItsCodeAndStatus() throws Exception {
        HttpResponse<String> response = Http.send(Http.signed(api("/?Action=Denied"), FakeAuthenticator.GOOD_KEY, "iam").GET().build());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>AccessDenied</Code>");
    }

    @Test
    void aBodyWithinTheLimitIsPassedWhole() throws Exception {
        String body = "Action=ListUsers&Pad=" + "x".repeat(4000);
        HttpResponse<String> response = Http.send(Http.signed(api("/?Action=ListUsers"), FakeAuthenticator.GOOD_KEY, "iam")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("bodyBytes=\"" + body.length() + "\"");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413InTheServicesShape() throws Exception {
        HttpResponse<String> response = Http.send(Http.signed(api("/?Action=ListUsers"), FakeAuthenticator.GOOD_KEY, "iam")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(4097))).build());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).startsWith("<Error service=\"iam\">").contains("<Code>RequestEntityTooLarge</Code>");
        assertThat(response.headers().firstValue("x-amz-request-id")).isPresent();
        assertThat(components.iam.calls()).isEmpty();
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedToo() throws Exception {
        String response = rawExchange(chunkedListUsers(3000));
        assertThat(response).startsWith("HTTP/1.1 413 ");
        assertThat(response).containsIgnoringCase("x-amz-request-id: ").contains("<Code>RequestEntityTooLarge</Code>");
        assertThat(components.iam.calls()).isEmpty();
    }

    @Test
    void aChunkedBodyWithinTheLimitIsPassedWhole() throws Exception {
        String response = rawExchange(chunkedListUsers(1500));
        assertThat(response).startsWith("HTTP/1.1 200 ").contains("bodyBytes=\"3000\"");
    }

    @Test
    void aBodyShorterThanItsContentLengthNeverReachesTheService() throws Exception {
        String request = "POST /?Action=ListUsers HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + FakeAuthenticator.authorization(FakeAuthenticator.GOOD_KEY, "us-east-1", "iam")
                + "\r\nContent-Length: 100\r\n\r\n" + "x".repeat(40);
        try (Socket socket = new Socket("127.0.0.1", server.httpPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.shutdownOutput(); // the client goes away 60 bytes short
            socket.getInputStream().readAllBytes();
        }
        assertThat(components.iam.calls()).isEmpty();
    }

    @Test
    void anOversizedHeaderGetsAnAwsShapedError() throws Exception {
        String response = rawExchange("GET /?Action=ListUsers HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
                + "p".repeat(20 * 1024) + "\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400 ");
        assertThat(response).containsIgnoringCase("x-amz-request-id: ").containsIgnoringCase("x-amzn-RequestId: ");
        assertThat(response).contains("<ErrorResponse").contains("<Code>RequestHeaderSectionTooLarge</Code>")
                .doesNotContain("<html");
    }

    @Test
    void aMalformedRequestLineGetsAnAwsShapedError() throws Exception {
        String response = rawExchange("GET /?Action=ListUsers HTTP/9.9\r\nHost: localhost\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 4");
        assertThat(response).contains("<ErrorResponse").doesNotContain("<html");
    }

    /** A signed ListUsers whose body is two chunks of {@code chunkLength} bytes; the server closes after answering. */
    private static String chunkedListUsers(int chunkLength) {
        String chunk = "x".repeat(chunkLength);
        String sized = Integer.toHexString(chunkLength) + "\r\n" + chunk + "\r\n";
        return "POST /?Action=ListUsers HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: "
                + FakeAuthenticator.authorization(FakeAuthenticator.GOOD_KEY, "us-east-1", "iam")
                + "\r\nTransfer-Encoding: chunked\r\n\r\n" + sized + sized + "0\r\n\r\n";
    }

    private String rawExchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.httpPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before reading everything; read what it said
            }
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.net.SocketException e) {
            throw e;
        }
    }
}
