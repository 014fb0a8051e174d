package io.strongroom.kms.crypto;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Asserts a call fails with a {@link KmsCryptoException} of a given reason. */
final class CryptoAssertions {

    private CryptoAssertions() {
    }

    static void assertReason(ThrowingCallable call, KmsCryptoException.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KmsCryptoException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
