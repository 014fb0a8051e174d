package io.strongroom.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Asserts that an SDK call failed with an exact AWS error code and HTTP status. */
final class AwsErrorAssertions {

    private AwsErrorAssertions() {
    }

    /** Runs {@code call}, asserts the code, status and a request id, and returns the error for further checks. */
    static AwsServiceException assertAwsError(ThrowingCallable call, String code, int status) {
        AwsServiceException error = catchThrowableOfType(AwsServiceException.class, call);
        assertThat(error).as("expected %s (%s)", code, status).isNotNull();
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(error.statusCode()).isEqualTo(status);
        assertThat(error.requestId()).isNotBlank();
        return error;
    }
}
