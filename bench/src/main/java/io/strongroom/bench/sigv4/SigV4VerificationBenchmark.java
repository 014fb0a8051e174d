package io.strongroom.bench.sigv4;

import io.strongroom.sigv4.SigV4Verifier;
import io.strongroom.sigv4.SignedRequest;
import io.strongroom.sigv4.SigningSecret;
import io.strongroom.sigv4.VerifiedSignature;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Verifying the SigV4 signature of a KMS Decrypt request with the headers the AWS SDK for Java v2
 * sends, signed by the SDK's own signer, against the cryptography no verifier can skip measured in
 * the same run: the SHA-256 of the body and of a canonical request of the same length, and the
 * HMAC-SHA256 of a string to sign with a cached signing key.
 *
 * <p>Run: {@code java -jar bench/target/strongroom-bench.jar SigV4VerificationBenchmark -f 1 -wi 3 -i 5 -t 1}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SigV4VerificationBenchmark {
    private static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final Instant SIGNED_AT = Instant.parse("2026-11-27T12:00:00Z");

    private SigV4Verifier verifier;
    private SignedRequest decrypt;
    private byte[] body;
    private byte[] canonicalRequestSizedText;
    private byte[] stringToSign;
    private SecretKeySpec signingKey;

    @Setup
    public void setUp() {
        byte[] ciphertext = new byte[182];
        for (int i = 0; i < ciphertext.length; i++) {
            ciphertext[i] = (byte) (i * 31);
        }
        body = ("{\"CiphertextBlob\":\"" + Base64.getEncoder().encodeToString(ciphertext)
                + "\",\"EncryptionContext\":{\"purpose\":\"bench\"}}").getBytes(StandardCharsets.UTF_8);
        decrypt = signedLikeTheSdk(body);
        SigningSecret secret = SigningSecret.of(SECRET);
        verifier = new SigV4Verifier(id -> id.equals(ACCESS_KEY_ID) ? Optional.of(secret) : Optional.empty(),
                Clock.fixed(SIGNED_AT, ZoneOffset.UTC));
        VerifiedSignature verified = verifier.verify(decrypt); // fails the run now if the request does not verify
        if (!verified.accessKeyId().equals(ACCESS_KEY_ID)) {
            throw new IllegalStateException("verified the wrong access key");
        }
        canonicalRequestSizedText = new byte[700];
        stringToSign = new byte[140];
        signingKey = new SecretKeySpec(new byte[32], "HmacSHA256");
    }

    @Benchmark
    public VerifiedSignature verifyKmsDecrypt() {
        return verifier.verify(decrypt);
    }

    /** The baseline: what any verifier computes for this request, without parsing or canonicalising it. */
    @Benchmark
    public byte[] cryptographicFloor() throws GeneralSecurityException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] bodyHash = sha256.digest(body);
        byte[] canonicalHash = sha256.digest(canonicalRequestSizedText);
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(signingKey);
        hmac.update(stringToSign);
        byte[] signature = hmac.doFinal();
        signature[0] ^= bodyHash[0] ^ canonicalHash[0];
        return signature;
    }

    private static SignedRequest signedLikeTheSdk(byte[] body) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .protocol("http")
                .host("127.0.0.1")
                .port(8080)
                .encodedPath("/")
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "TrentService.Decrypt")
                .putHeader("amz-sdk-invocation-id", "a5e4b3c2-1d0f-4e9a-8b7c-6d5e4f3a2b1c")
                .putHeader("amz-sdk-request", "attempt=1; max=4")
                .putHeader("User-Agent", "aws-sdk-java/2.57.8 md/io#sync md/http#Apache ua/2.1 os/Linux#6.1"
                        + " lang/java#21.0.5 md/OpenJDK_64-Bit_Server_VM#21.0.5+11-LTS md/vendor#Eclipse_Adoptium"
                        + " md/en_US m/D,N")
                .putHeader("Content-Length", Integer.toString(body.length))
                .contentStreamProvider(ContentStreamProvider.fromByteArray(body))
                .build();
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(ACCESS_KEY_ID, SECRET))
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "kms")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(SIGNED_AT, ZoneOffset.UTC)));
        return toSignedRequest(signed.request(), body);
    }

    private static SignedRequest toSignedRequest(SdkHttpRequest request, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        if (request.headers().keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Host"))) {
            headers.put("Host", List.of(request.host() + ":" + request.port()));
        }
        return new SignedRequest(request.method().name(), request.encodedPath(),
                request.encodedQueryParameters().orElse(""), headers, Optional.of(body));
    }
}
