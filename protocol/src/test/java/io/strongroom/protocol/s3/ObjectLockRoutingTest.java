package io.strongroom.protocol.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.protocol.ApiRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which Object Lock operation a request is, and how its audit record is classed. */
class ObjectLockRoutingTest {

    @Test
    void objectLockSubresourcesSelectTheirOperations() {
        assertThat(operation("PUT", "/b", "object-lock")).isEqualTo(S3Operations.PUT_OBJECT_LOCK_CONFIGURATION);
        assertThat(operation("GET", "/b", "object-lock")).isEqualTo(S3Operations.GET_OBJECT_LOCK_CONFIGURATION);
        assertThat(operation("PUT", "/b/k", "retention")).isEqualTo(S3Operations.PUT_OBJECT_RETENTION);
        assertThat(operation("GET", "/b/k", "retention&versionId=v")).isEqualTo(S3Operations.GET_OBJECT_RETENTION);
        assertThat(operation("PUT", "/b/k", "legal-hold")).isEqualTo(S3Operations.PUT_OBJECT_LEGAL_HOLD);
        assertThat(operation("GET", "/b/k", "legal-hold")).isEqualTo(S3Operations.GET_OBJECT_LEGAL_HOLD);
        assertThat(operation("DELETE", "/b", "object-lock")).isEqualTo(S3Operations.UNSUPPORTED);
        assertThat(operation("DELETE", "/b/k", "retention")).isEqualTo(S3Operations.UNSUPPORTED);
        assertThat(operation("PUT", "/b/k", "retention&legal-hold")).isEqualTo(S3Operations.UNSUPPORTED);
    }

    @Test
    void retentionAndLegalHoldAreDataEventsAndTheBucketConfigurationManagement() {
        assertThat(S3Operations.DATA_EVENTS).contains(S3Operations.PUT_OBJECT_RETENTION,
                S3Operations.GET_OBJECT_RETENTION, S3Operations.PUT_OBJECT_LEGAL_HOLD, S3Operations.GET_OBJECT_LEGAL_HOLD)
                .doesNotContain(S3Operations.PUT_OBJECT_LOCK_CONFIGURATION, S3Operations.GET_OBJECT_LOCK_CONFIGURATION);
    }

    private static String operation(String method, String path, String query) {
        ApiRequest request = new ApiRequest(method, path, query, Map.of("Host", List.of("h")), new byte[0],
                "127.0.0.1", false, "req-1", Instant.EPOCH);
        return S3Operations.of(method, S3Target.of(request, Optional.empty()), false);
    }
}
