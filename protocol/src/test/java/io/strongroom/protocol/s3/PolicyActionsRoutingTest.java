package io.strongroom.protocol.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.AwsException;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which operation a bucket-policy, Block Public Access or S3 Control request is. */
class PolicyActionsRoutingTest {

    @ParameterizedTest(name = "{0} {1}?{2}")
    @CsvSource({
            "PUT, /b, policy, PutBucketPolicy",
            "GET, /b, policy, GetBucketPolicy",
            "DELETE, /b, policy, DeleteBucketPolicy",
            "POST, /b, policy, Unsupported",
            "GET, /b, policyStatus, GetBucketPolicyStatus",
            "PUT, /b, policyStatus, Unsupported",
            "PUT, /b, publicAccessBlock, PutPublicAccessBlock",
            "GET, /b, publicAccessBlock, GetPublicAccessBlock",
            "DELETE, /b, publicAccessBlock, DeletePublicAccessBlock",
            "GET, /b, policy&publicAccessBlock, Unsupported",
            "GET, /b/key, policy, Unsupported",
            "GET, /b, location, GetBucketLocation"
    })
    void bucketSubresources(String method, String path, String query, String operation) {
        assertThat(S3Operations.of(method, S3Target.of(request(method, path, query, Map.of()), Optional.empty()),
                false)).isEqualTo(operation);
    }

    @ParameterizedTest(name = "{0} {1} to {2}")
    @CsvSource({
            "PUT, /v20180820/configuration/publicAccessBlock, 127.0.0.1:8080, PutAccountPublicAccessBlock",
            "GET, /v20180820/configuration/publicAccessBlock, 111122223333.s3-control.example.com, "
                    + "GetAccountPublicAccessBlock",
            "DELETE, /v20180820/configuration/publicAccessBlock, 111122223333.localhost, DeleteAccountPublicAccessBlock",
            "POST, /v20180820/configuration/publicAccessBlock, localhost, Unsupported",
            "GET, /v20180820/jobs, localhost, Unsupported"
    })
    void s3ControlIsToldByItsPathWhateverTheHost(String method, String path, String host, String operation) {
        ApiRequest request = request(method, path, "", Map.of("Host", List.of(host)));
        assertThat(PolicyActions.isControl(request)).isTrue();
        assertThat(PolicyActions.controlOperation(request)).isEqualTo(operation);
    }

    @Test
    void aBucketPathIsNotS3Control() {
        assertThat(PolicyActions.isControl(request("GET", "/v20180820", "", Map.of()))).isFalse();
        assertThat(PolicyActions.isControl(request("GET", "/bucket/v20180820/x", "", Map.of()))).isFalse();
    }

    @Test
    void s3ControlErrorsAreWrappedInAnErrorResponse() {
        ApiResponse response = PolicyActions.controlError(new AwsException("AccessDenied", 403, "Access Denied"),
                "req-9");
        assertThat(response.status()).isEqualTo(403);
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .contains("<ErrorResponse><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"
                        + "<RequestId>req-9</RequestId></ErrorResponse>");
    }

    private static ApiRequest request(String method, String path, String query, Map<String, List<String>> headers) {
        return new ApiRequest(method, path, query, headers, new byte[0], "10.0.0.1", false, "req-1",
                Instant.parse("2030-01-01T00:00:00Z"));
    }
}
