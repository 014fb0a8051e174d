package io.strongroom.testing;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Raw AWS Query requests over the JDK {@link HttpClient}, signed by the SDK's own SigV4 signer so
 * that a test can make exactly one thing wrong (the clock, the secret, a header) and nothing else.
 */
final class QueryHttp {

    static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    QueryHttp(URI endpoint) {
        this.endpoint = requireNonNull(endpoint, "endpoint");
    }

    /** An unsigned form POST to the API root. */
    SdkHttpRequest.Builder post(Map<String, List<String>> extraHeaders) {
        SdkHttpRequest.Builder builder = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint.resolve("/"))
                .putHeader("Content-Type", FORM);
        extraHeaders.forEach(builder::putHeader);
        return builder;
    }

    /** Signs with the Authorization header, at the time {@code clock} tells. */
    SdkHttpRequest sign(SdkHttpRequest request, String body, AwsCredentialsIdentity identity, String service, Clock clock) {
        return signer.sign(r -> r.identity(identity).request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, AwsClients.REGION.id())
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock)).request();
    }

    /** A presigned GET carrying the Query parameters in its URL. */
    SdkHttpRequest presign(String query, AwsCredentialsIdentity identity, String service, Clock clock, Duration expiresIn) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create(endpoint.resolve("/") + "?" + query)).build();
        return signer.sign(r -> r.identity(identity).request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, AwsClients.REGION.id())
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expiresIn)).request();
    }

    /** A signed form POST in one step. */
    Answer signedPost(String body, AwsCredentialsIdentity identity, String service) throws Exception {
        return send(sign(post(Map.of()).build(), body, identity, service, Clock.systemUTC()), body);
    }

    Answer send(SdkHttpRequest request, String body) throws Exception {
        return send(request, body.getBytes(StandardCharsets.UTF_8));
    }

    Answer send(SdkHttpRequest request, byte[] body) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.getUri()).timeout(Duration.ofSeconds(20));
        request.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        builder.method(request.method().name(), body.length == 0 && request.method() == SdkHttpMethod.GET
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("x-amz-request-id"), response.body());
    }

    /** What came back: the status, the request id header and the XML body. */
    record Answer(int status, Optional<String> requestIdHeader, String body) {

        String errorCode() {
            return element("Code");
        }

        String errorMessage() {
            return element("Message");
        }

        String element(String name) {
            NodeList nodes = document().getElementsByTagName(name);
            return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
        }

        private Document document() {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new AssertionError("The body is not XML: " + body, e);
            }
        }
    }
}
