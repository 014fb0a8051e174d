package io.strongroom.sigv4;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** Signs requests with the AWS SDK for Java v2 signer (the oracle) and turns them into {@link SignedRequest}s. */
final class SdkSigning {
    static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /** A request to sign: the path is given already percent-encoded; query values raw (the SDK encodes them). */
    record Spec(String method, String service, String region, String encodedPath, Map<String, List<String>> query,
            Map<String, List<String>> headers, byte[] body, boolean presigned, String secret, Instant signingTime,
            Optional<String> sessionToken) {

        static Spec get(String service) {
            return new Spec("GET", service, "us-east-1", "/", Map.of(), Map.of(), null, false, SECRET, NOW,
                    Optional.empty());
        }

        Spec method(String m) {
            return new Spec(m, service, region, encodedPath, query, headers, body, presigned, secret, signingTime,
                    sessionToken);
        }

        Spec path(String p) {
            return new Spec(method, service, region, p, query, headers, body, presigned, secret, signingTime,
                    sessionToken);
        }

        Spec query(Map<String, List<String>> q) {
            return new Spec(method, service, region, encodedPath, q, headers, body, presigned, secret, signingTime,
                    sessionToken);
        }

        Spec headers(Map<String, List<String>> h) {
            return new Spec(method, service, region, encodedPath, query, h, body, presigned, secret, signingTime,
                    sessionToken);
        }

        Spec body(String b) {
            return new Spec(method, service, region, encodedPath, query, headers, b.getBytes(StandardCharsets.UTF_8),
                    presigned, secret, signingTime, sessionToken);
        }

        Spec asPresigned() {
            return new Spec(method, service, region, encodedPath, query, headers, body, true, secret, signingTime,
                    sessionToken);
        }

        Spec region(String r) {
            return new Spec(method, service, r, encodedPath, query, headers, body, presigned, secret, signingTime,
                    sessionToken);
        }

        Spec secret(String s) {
            return new Spec(method, service, region, encodedPath, query, headers, body, presigned, s, signingTime,
                    sessionToken);
        }

        Spec signedAt(Instant t) {
            return new Spec(method, service, region, encodedPath, query, headers, body, presigned, secret, t,
                    sessionToken);
        }

        Spec sessionToken(String token) {
            return new Spec(method, service, region, encodedPath, query, headers, body, presigned, secret,
                    signingTime, Optional.of(token));
        }
    }

    SignedRequest sign(Spec spec) {
        return sign(spec, Duration.ofMinutes(5));
    }

    SignedRequest sign(Spec spec, Duration expiration) {
        return sign(spec, expiration, false);
    }

    /** Signs as a client that turned payload signing off: {@code UNSIGNED-PAYLOAD} stands for the body. */
    SignedRequest signWithUnsignedPayload(Spec spec) {
        return sign(spec, Duration.ofMinutes(5), true);
    }

    private SignedRequest sign(Spec spec, Duration expiration, boolean unsignedPayload) {
        SdkHttpFullRequest.Builder builder = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(spec.method()))
                .protocol("https")
                .host(spec.service() + ".amazonaws.com")
                .encodedPath(spec.encodedPath());
        spec.query().forEach(builder::putRawQueryParameter);
        spec.headers().forEach(builder::putHeader);
        if (spec.body() != null) {
            builder.contentStreamProvider(ContentStreamProvider.fromByteArray(spec.body()));
        }
        SdkHttpFullRequest request = builder.build();
        boolean s3 = spec.service().equals("s3");
        AwsCredentialsIdentity identity = spec.sessionToken()
                .<AwsCredentialsIdentity>map(t -> AwsSessionCredentialsIdentity.create(ACCESS_KEY_ID, spec.secret(), t))
                .orElseGet(() -> AwsCredentialsIdentity.create(ACCESS_KEY_ID, spec.secret()));
        var signed = signer.sign(r -> {
            r.identity(identity)
                    .request(request)
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, spec.service())
                    .putProperty(AwsV4HttpSigner.REGION_NAME, spec.region())
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(spec.signingTime(), ZoneOffset.UTC))
                    .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, !s3)
                    .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, !s3);
            if (spec.body() != null) {
                r.payload(ContentStreamProvider.fromByteArray(spec.body()));
            }
            if (spec.presigned()) {
                r.putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, expiration)
                        .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, !s3);
            } else if (s3) {
                // S3 clients send x-amz-content-sha256; the SDK adds it when asked to sign the payload.
                r.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true);
            }
            if (unsignedPayload) {
                r.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false);
            }
        });
        return toSignedRequest(signed.request(), spec.body());
    }

    /** An aws-chunked upload as the SDK sends it: the signed request (its body left out) and the encoded body. */
    record ChunkedUpload(SignedRequest request, byte[] encodedBody) {
    }

    /**
     * Signs a {@code PUT /bucket/key} with aws-chunked encoding: signed chunks or not, with a checksum
     * trailer or not (the SDK sends unsigned chunks only with a trailer).
     */
    ChunkedUpload signChunked(byte[] body, boolean signedChunks, Optional<ChecksumAlgorithm> trailerChecksum) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.PUT)
                .protocol("https")
                .host("s3.amazonaws.com")
                .encodedPath("/bucket/key")
                .putHeader("Content-Length", Integer.toString(body.length))
                .contentStreamProvider(ContentStreamProvider.fromByteArray(body))
                .build();
        var signed = signer.sign(r -> {
            r.identity(AwsCredentialsIdentity.create(ACCESS_KEY_ID, SECRET))
                    .request(request)
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                    .putProperty(HttpSigner.SIGNING_CLOCK, CLOCK)
                    .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                    .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, true)
                    .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, signedChunks);
            trailerChecksum.ifPresent(algorithm -> r.putProperty(AwsV4FamilyHttpSigner.CHECKSUM_ALGORITHM, algorithm));
        });
        try (InputStream encoded = signed.payload().orElseThrow().newStream()) {
            return new ChunkedUpload(withBody(toSignedRequest(signed.request(), null), null), encoded.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SignedRequest toSignedRequest(SdkHttpRequest request, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        if (request.headers().keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Host"))) {
            headers.put("Host", List.of(request.host()));
        }
        return new SignedRequest(request.method().name(), request.encodedPath(),
                request.encodedQueryParameters().orElse(""), headers,
                body == null ? Optional.of(new byte[0]) : Optional.of(body));
    }

    static SigV4Verifier verifier() {
        return verifier(SECRET);
    }

    static SigV4Verifier verifier(String secret) {
        return new SigV4Verifier(
                id -> id.equals(ACCESS_KEY_ID) ? Optional.of(SigningSecret.of(secret)) : Optional.empty(), CLOCK);
    }

    /** A copy of the request with one header replaced. */
    static SignedRequest withHeader(SignedRequest request, String name, String... values) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase(name)) {
                headers.put(k, v);
            }
        });
        if (values.length > 0) {
            headers.put(name, List.of(values));
        }
        return new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
    }

    static SignedRequest withoutHeader(SignedRequest request, String name) {
        return withHeader(request, name);
    }

    static SignedRequest withQuery(SignedRequest request, String rawQuery) {
        return new SignedRequest(request.method(), request.rawPath(), rawQuery, request.headers(), request.body());
    }

    static SignedRequest withPath(SignedRequest request, String rawPath) {
        return new SignedRequest(request.method(), rawPath, request.rawQuery(), request.headers(), request.body());
    }

    static SignedRequest withBody(SignedRequest request, byte[] body) {
        return new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(),
                Optional.ofNullable(body));
    }
}
