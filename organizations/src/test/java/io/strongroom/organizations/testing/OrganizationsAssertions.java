package io.strongroom.organizations.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.strongroom.iam.identity.Account;
import io.strongroom.organizations.OrganizationsException;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a call fails with an exact Organizations error and leaves both stores as they were. */
public final class OrganizationsAssertions {
    private OrganizationsAssertions() {
    }

    /** Fails with {@code code} (HTTP 400) and no Reason member; nothing changed. */
    public static OrganizationsException assertError(OrganizationsFixture fixture, ThrowingCallable call,
                                                     String code) {
        OrganizationsException error = assertFailsUnchanged(fixture, call, code);
        assertThat(error.reason()).as("reason").isEmpty();
        return error;
    }

    /** Fails with {@code code} (HTTP 400) and the Reason member {@code reason}; nothing changed. */
    public static OrganizationsException assertError(OrganizationsFixture fixture, ThrowingCallable call, String code,
                                                     String reason) {
        OrganizationsException error = assertFailsUnchanged(fixture, call, code);
        assertThat(error.reason()).as("reason").contains(reason);
        return error;
    }

    private static OrganizationsException assertFailsUnchanged(OrganizationsFixture fixture, ThrowingCallable call,
                                                               String code) {
        List<Object> before = fixture.repository.contents();
        List<Account> accountsBefore = fixture.iam.repository.listAccounts();
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("the call's failure").isInstanceOf(OrganizationsException.class);
        OrganizationsException error = (OrganizationsException) thrown;
        assertThat(error.code()).as("error code").isEqualTo(code);
        assertThat(error.httpStatus()).as("HTTP status").isEqualTo(400);
        assertThat(fixture.repository.contents()).as("organizations store after the failure").isEqualTo(before);
        assertThat(fixture.iam.repository.listAccounts()).as("accounts after the failure").isEqualTo(accountsBefore);
        return error;
    }
}
