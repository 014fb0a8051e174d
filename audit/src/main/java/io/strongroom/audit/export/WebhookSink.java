package io.strongroom.audit.export;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.ChainedRecord;
import io.strongroom.audit.ExportLine;
import io.strongroom.audit.StoredAuditRecord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;

/**
 * POSTs each batch to an HTTP endpoint as JSON Lines ({@code Content-Type: application/x-ndjson},
 * one {@link ExportLine} per line, each ending in {@code \n}); any 2xx answer means delivered,
 * anything else (redirects included, which are not followed) is retried later. The receiver
 * should de-duplicate by {@code sequence}: a batch can come twice.
 *
 * <p>So that the receiver knows the batch came from this trail, the request can carry a bearer
 * token ({@code Authorization: Bearer …}) and an HMAC-SHA256 of the exact body under a shared
 * secret ({@code X-Strongroom-Signature: sha256=<64 hex>}; compare in constant time). Headers
 * {@code X-Strongroom-First-Sequence} and {@code X-Strongroom-Last-Sequence} name the batch. Secrets
 * appear in no message and no {@code toString}; error messages name the URL without its query.
 */
public final class WebhookSink implements ExportSink {
    public static final String DEFAULT_NAME = "webhook";
    public static final String CONTENT_TYPE = "application/x-ndjson";
    public static final String SIGNATURE_HEADER = "X-Strongroom-Signature";
    public static final String FIRST_SEQUENCE_HEADER = "X-Strongroom-First-Sequence";
    public static final String LAST_SEQUENCE_HEADER = "X-Strongroom-Last-Sequence";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final URI url;
    private final Optional<String> bearerToken;
    private final Optional<SecretKeySpec> signingKey;
    private final HttpClient client;

    /**
     * @param url           an {@code https} (or, for a receiver on this host, {@code http}) URL
     * @param bearerToken   sent as {@code Authorization: Bearer <token>} when present
     * @param signingSecret the HMAC-SHA256 key of the signature header, when present
     * @param tls           the trust for an {@code https} URL; empty for the JVM's default trust store
     */
    public WebhookSink(String name, URI url, Optional<String> bearerToken, Optional<byte[]> signingSecret,
                       Optional<SSLContext> tls) {
        this.name = ExportCursor.requireValidName(name);
        this.url = requireNonNull(url, "url");
        String scheme = url.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme) || url.getHost() == null) {
            throw new IllegalArgumentException("a webhook URL is http://host/… or https://host/…");
        }
        this.bearerToken = requireNonNull(bearerToken, "bearerToken");
        bearerToken.ifPresent(token -> {
            if (token.isEmpty() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new IllegalArgumentException("the bearer token must be printable ASCII without spaces");
            }
        });
        this.signingKey = requireNonNull(signingSecret, "signingSecret").map(secret -> {
            if (secret.length == 0) {
                throw new IllegalArgumentException("the signing secret is empty");
            }
            return new SecretKeySpec(secret, "HmacSHA256");
        });
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
        requireNonNull(tls, "tls").ifPresent(builder::sslContext);
        this.client = builder.build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(List<StoredAuditRecord> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        byte[] body = body(records);
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", CONTENT_TYPE)
                .header(FIRST_SEQUENCE_HEADER, Long.toString(records.getFirst().sequence()))
                .header(LAST_SEQUENCE_HEADER, Long.toString(records.getLast().sequence()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        bearerToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        if (signingKey.isPresent()) {
            request.header(SIGNATURE_HEADER, "sha256=" + HexFormat.of().formatHex(hmac(signingKey.get(), body)));
        }
        HttpResponse<Void> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while posting to the webhook " + describe(), e);
        } catch (IOException e) {
            throw new IOException("cannot post to the webhook " + describe() + ": " + e, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the webhook " + describe() + " answered HTTP " + response.statusCode());
        }
    }

    /** The batch as JSON Lines. */
    static byte[] body(List<StoredAuditRecord> records) {
        StringBuilder lines = new StringBuilder(records.size() * 1024);
        for (StoredAuditRecord record : records) {
            lines.append(ExportLine.format(new ChainedRecord(record.sequence(), record.previousHash(), record.hash(),
                    record.eventJson()))).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** HMAC-SHA256 of the body, as the signature header carries it (hex after {@code sha256=}). */
    public static byte[] hmac(SecretKeySpec key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from the JDK", e);
        }
    }

    /** The URL without user info, query or fragment, which may hold secrets. */
    private String describe() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "WebhookSink[" + name + " to " + describe() + (bearerToken.isPresent() ? ", bearer token" : "")
                + (signingKey.isPresent() ? ", signed" : "") + "]";
    }
}
