package io.strongroom.protocol.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.AwsException;
import io.strongroom.protocol.ApiRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which bucket, key and operation an S3 request names, path-style and virtual-hosted-style. */
class S3TargetTest {

    @Test
    void pathStyleNamesTheBucketAndTheDecodedKey() {
        S3Target target = S3Target.of(request("GET", "/training-data/features/d%C3%ADa%201.csv", "", "127.0.0.1:9000"),
                Optional.empty());
        assertThat(target.bucket()).contains("training-data");
        assertThat(target.key()).contains("features/día 1.csv");
        assertThat(S3Target.of(request("GET", "/", "", "h"), Optional.empty()).bucket()).isEmpty();
        assertThat(S3Target.of(request("GET", "/b/", "", "h"), Optional.empty()).key()).isEmpty();
        assertThat(S3Target.of(request("GET", "/b/a//b/", "", "h"), Optional.empty()).key()).contains("a//b/");
    }

    @Test
    void virtualHostedStyleTakesTheBucketFromTheHostUnderTheConfiguredDomain() {
        Optional<String> domain = Optional.of("s3.bank.internal");
        S3Target target = S3Target.of(request("GET", "/reports/q3.csv", "", "risk-data.s3.bank.internal:9000"), domain);
        assertThat(target.bucket()).contains("risk-data");
        assertThat(target.key()).contains("reports/q3.csv");
        // a host outside the domain, or the domain itself, falls back to path-style
        assertThat(S3Target.of(request("GET", "/risk-data/k", "", "127.0.0.1:9000"), domain).bucket())
                .contains("risk-data");
        assertThat(S3Target.of(request("GET", "/", "", "s3.bank.internal"), domain).bucket()).isEmpty();
    }

    @Test
    void malformedPercentEncodingOrUtf8IsInvalidUri() {
        for (String path : List.of("/b/%", "/b/%4", "/b/%zz", "/b/%C3", "/b/%FF%FE", "/b/%ED%A0%80")) {
            assertThatThrownBy(() -> S3Target.of(request("GET", path, "", "h"), Optional.empty()))
                    .as(path).isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidURI"));
        }
    }

    @Test
    void theOperationFollowsMethodTargetAndSubresource() {
        assertThat(operation("GET", "/", "")).isEqualTo("ListBuckets");
        assertThat(operation("PUT", "/b", "")).isEqualTo("CreateBucket");
        assertThat(operation("HEAD", "/b", "")).isEqualTo("HeadBucket");
        assertThat(operation("DELETE", "/b", "")).isEqualTo("DeleteBucket");
        assertThat(operation("GET", "/b", "location")).isEqualTo("GetBucketLocation");
        assertThat(operation("GET", "/b", "list-type=2&prefix=a")).isEqualTo("ListObjectsV2");
        assertThat(operation("GET", "/b", "prefix=a")).isEqualTo("ListObjects");
        assertThat(operation("PUT", "/b/k", "")).isEqualTo("PutObject");
        assertThat(operation("GET", "/b/k", "versionId=x")).isEqualTo("GetObject");
        assertThat(operation("HEAD", "/b/k", "")).isEqualTo("HeadObject");
        assertThat(operation("DELETE", "/b/k", "")).isEqualTo("DeleteObject");
        assertThat(operation("POST", "/b/k", "")).isEqualTo("Unsupported");
        assertThat(operation("GET", "/b", "torrent")).isEqualTo("Unsupported");
    }

    @Test
    void rangesAreReadAsS3ReadsThem() {
        assertThat(ObjectActions.range("bytes=0-9")).contains(new io.strongroom.s3.ByteRange(0, 9, 0));
        assertThat(ObjectActions.range("bytes=5-")).contains(new io.strongroom.s3.ByteRange(5, -1, 0));
        assertThat(ObjectActions.range("bytes=-7")).contains(new io.strongroom.s3.ByteRange(-1, -1, 7));
        // several ranges, other units, an inverted or empty range: the whole object, as S3 answers
        for (String ignored : List.of("bytes=0-1,4-5", "items=0-1", "bytes=9-3", "bytes=-", "bytes=a-b")) {
            assertThat(ObjectActions.range(ignored)).as(ignored).isEmpty();
        }
    }

    private static String operation(String method, String path, String query) {
        return S3Operations.of(method, S3Target.of(request(method, path, query, "h"), Optional.empty()), false);
    }

    private static ApiRequest request(String method, String path, String query, String host) {
        return new ApiRequest(method, path, query, Map.of("Host", List.of(host)), new byte[0], "127.0.0.1", false,
                "req-1", Instant.EPOCH);
    }
}
