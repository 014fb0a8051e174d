package io.strongroom.audit.trails;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.audit.testing.CloudTrailFixture;
import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.Principal;
import io.strongroom.iam.auth.PrincipalType;
import io.strongroom.iam.identity.Account;
import io.strongroom.iam.identity.IamArns;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shortcuts for the CloudTrail service's tests. */
final class CloudTrailCalls {
    private CloudTrailCalls() {
    }

    /** Asserts the call fails with the AWS error code (HTTP 400 unless IAM's AccessDenied). */
    static AbstractThrowableAssert<?, ? extends Throwable> assertError(ThrowingCallable call, String code) {
        return assertThatThrownBy(call).isInstanceOf(AwsException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((AwsException) e).code()).isEqualTo(code));
    }

    /** A second account of the organization, and a call as its root user. */
    static CallContext otherAccountRoot(CloudTrailFixture fixture, String accountId) {
        String organizationId = fixture.iam.repository.findOrganization().orElseThrow().id();
        fixture.iam.repository.insertAccount(new Account(accountId, "other", "other@example.com", organizationId,
                Instant.parse("2030-01-01T00:00:00Z")));
        Principal root = new Principal(PrincipalType.ROOT, accountId, IamArns.root(accountId), IamArns.root(accountId),
                accountId, "", "AKIAOTHERROOT0000001", Map.of(), Optional.empty());
        return new CallContext("req-other", root, "10.0.0.2", "test", true, CloudTrailFixture.REGION,
                fixture.iam.clock.instant());
    }

    static LookupEventsRequest byAttribute(String key, String value) {
        return new LookupEventsRequest(List.of(new LookupEventsRequest.LookupAttribute(key, value)), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    static LookupEventsRequest page(LookupEventsRequest request, int maxResults, Optional<String> nextToken) {
        return new LookupEventsRequest(request.lookupAttributes(), request.startTime(), request.endTime(),
                request.eventCategory(), Optional.of(maxResults), nextToken);
    }
}
