package io.strongroom.iam.identity;

import static io.strongroom.iam.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.iam.sts.AssumeRoleRequest;
import io.strongroom.iam.testing.IamFixture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InputValidatorTest {
    private final IamFixture f = new IamFixture();

    @Test
    void aLongRejectedValueIsEchoedAbbreviated() {
        String document = "{\"Version\":\"2012-10-17\"," + " ".repeat(200) + "\u0100" + "x".repeat(100_000) + "}";
        assertAwsError(() -> f.iam.putUserPolicy(f.admin, "admin", "p", document), "ValidationError", 400)
                .hasMessage("1 validation error detected: Value '" + document.substring(0, 64) + "…' at"
                        + " 'policyDocument' failed to satisfy constraint: Member must satisfy regular expression"
                        + " pattern: " + InputValidator.POLICY_DOCUMENT_PATTERN);
        assertThat(f.repository.listInlinePolicies(f.account, PrincipalKind.USER, "admin")).isEmpty();
    }

    @Test
    void aShortRejectedValueIsEchoedWhole() {
        assertAwsError(() -> f.iam.createUser(f.admin, "bad name!", Optional.empty(), Optional.empty(), List.of()),
                "ValidationError", 400).hasMessageStartingWith("1 validation error detected: Value 'bad name!' at"
                        + " 'userName'");
    }

    @Test
    void abbreviationNeverSplitsACharacter() {
        String emoji = "\uD83D\uDD11".repeat(70);
        assertThat(InputValidator.abbreviated(emoji)).isEqualTo("\uD83D\uDD11".repeat(64) + "…");
        assertThat(InputValidator.abbreviated("a".repeat(64))).isEqualTo("a".repeat(64));
    }

    @Test
    void aRejectedExternalIdIsNeverEchoed() {
        f.newUser("bob");
        var bob = f.callAs(f.iam.listAccessKeys(f.admin, Optional.of("bob")).get(0).accessKeyId());
        String externalId = "s3cr3t value!";
        assertAwsError(() -> f.sts.assumeRole(bob, new AssumeRoleRequest("arn:aws:iam::" + f.account + ":role/r",
                "sess", Optional.empty(), Optional.of(externalId), Optional.empty(), List.of(), Optional.empty())),
                "ValidationError", 400)
                .hasMessage("1 validation error detected: Value at 'externalId' failed to satisfy constraint: Member"
                        + " must satisfy regular expression pattern: [\\w+=,.@:\\/-]*")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
    }
}
