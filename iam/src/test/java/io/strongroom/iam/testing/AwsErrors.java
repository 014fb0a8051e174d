package io.strongroom.iam.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.AwsException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a call fails with an exact AWS error code and HTTP status. */
public final class AwsErrors {
    private AwsErrors() {
    }

    public static AbstractThrowableAssert<?, ? extends Throwable> assertAwsError(ThrowingCallable call, String code,
                                                                               int status) {
        return assertThatThrownBy(call)
                .isInstanceOf(AwsException.class)
                .satisfies(e -> {
                    AwsException aws = (AwsException) e;
                    org.assertj.core.api.Assertions.assertThat(aws.code()).isEqualTo(code);
                    org.assertj.core.api.Assertions.assertThat(aws.httpStatus()).isEqualTo(status);
                });
    }
}
