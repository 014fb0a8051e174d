package io.strongroom.protocol.sts;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.support.IdentityFixture;
import io.strongroom.protocol.support.Requests;
import io.strongroom.protocol.support.StsScenario;
import io.strongroom.protocol.support.Xml;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The STS handler over the real STS service (in-memory SPIs). */
class StsQueryHandlerTest {
    private final IdentityFixture fixture = new IdentityFixture();
    private final StsScenario scenario = new StsScenario(fixture);

    private static void assertError(ApiResponse response, int status, String code) {
        assertThat(response.status()).as(StsScenario.body(response)).isEqualTo(status);
        Document document = Xml.parse(response);
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("https://sts.amazonaws.com/doc/2011-06-15/");
        assertThat(Xml.text(document, "/ErrorResponse/Error/Code")).isEqualTo(code);
    }

    @Test
    void identifiesItself() {
        assertThat(fixture.stsHandler.signingName()).isEqualTo("sts");
        assertThat(fixture.stsHandler.operationName(Requests.post("AssumeRole", StsScenario.VERSION)))
                .isEqualTo("AssumeRole");
        assertThat(fixture.stsHandler.operationName(Requests.post("CreateUser", "2010-05-08"))).isEqualTo("Unknown");
    }

    @Test
    void getCallerIdentityNamesTheCaller() {
        Document document = Xml.parse(scenario.call(scenario.bob(), "GetCallerIdentity"));
        String base = "/GetCallerIdentityResponse/GetCallerIdentityResult/";
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("https://sts.amazonaws.com/doc/2011-06-15/");
        assertThat(Xml.text(document, base + "Account")).isEqualTo(Requests.ACCOUNT);
        assertThat(Xml.text(document, base + "Arn")).isEqualTo("arn:aws:iam::" + Requests.ACCOUNT + ":user/bob");
        assertThat(Xml.text(document, base + "UserId")).startsWith("AIDA");
    }

    @Test
    void assumeRoleAnswersTemporaryCredentials() {
        ApiResponse response = scenario.call(scenario.bob(), "AssumeRole", "RoleArn", StsScenario.ROLE_ARN,
                "RoleSessionName", "s1", "DurationSeconds", "900", "SourceIdentity", "bob");
        assertThat(response.status()).as(StsScenario.body(response)).isEqualTo(200);
        Document document = Xml.parse(response);
        String base = "/AssumeRoleResponse/AssumeRoleResult/";
        assertThat(Xml.text(document, base + "Credentials/AccessKeyId")).startsWith("ASIA");
        assertThat(Xml.text(document, base + "Credentials/SecretAccessKey")).hasSize(40);
        assertThat(Xml.text(document, base + "Credentials/SessionToken")).isNotEmpty();
        Instant expiration = Instant.parse(Xml.text(document, base + "Credentials/Expiration"));
        assertThat(expiration).isBetween(Instant.now().plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(16)));
        assertThat(Xml.text(document, base + "AssumedRoleUser/Arn"))
                .isEqualTo("arn:aws:sts::" + Requests.ACCOUNT + ":assumed-role/analyst/s1");
        assertThat(Xml.text(document, base + "AssumedRoleUser/AssumedRoleId")).startsWith("AROA").endsWith(":s1");
        assertThat(Xml.text(document, base + "PackedPolicySize")).matches("\\d+");
        assertThat(Xml.text(document, base + "SourceIdentity")).isEqualTo("bob");
    }

    @Test
    void managedSessionPoliciesAreRefusedAndNoSessionIsIssued() {
        ApiResponse response = scenario.call(scenario.bob(), "AssumeRole", "RoleArn", StsScenario.ROLE_ARN,
                "RoleSessionName", "s1", "PolicyArns.member.1.arn", "arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertError(response, 400, "ValidationError");
        assertThat(fixture.repository.deleteSessionsExpiredBefore(Instant.MAX)).isZero();
    }

    @Test
    void missingRoleArnIsValidationError() {
        ApiResponse response = scenario.call(scenario.bob(), "AssumeRole", "RoleSessionName", "s1");
        assertError(response, 400, "ValidationError");
        assertThat(Xml.text(response, "/ErrorResponse/Error/Message")).isEqualTo("1 validation error detected: "
                + "Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
        assertThat(fixture.repository.deleteSessionsExpiredBefore(Instant.MAX)).isZero();
    }

    @Test
    void badDurationIsValidationError() {
        assertError(scenario.call(scenario.bob(), "AssumeRole", "RoleArn", StsScenario.ROLE_ARN,
                "RoleSessionName", "s1", "DurationSeconds", "1h"), 400, "ValidationError");
        assertThat(fixture.repository.deleteSessionsExpiredBefore(Instant.MAX)).isZero();
    }

    @Test
    void rootMayNotAssumeRoles() {
        assertError(scenario.call(Requests.rootCall(), "AssumeRole", "RoleArn", StsScenario.ROLE_ARN,
                "RoleSessionName", "s1"), 403, "AccessDenied");
    }

    @Test
    void iamActionsAreUnknownToSts() {
        ApiResponse response = scenario.call(scenario.bob(), "CreateUser", "UserName", "x");
        assertError(response, 400, "InvalidAction");
        assertThat(Xml.text(response, "/ErrorResponse/Error/Message"))
                .isEqualTo("Could not find operation CreateUser for version 2011-06-15");
        assertThat(fixture.repository.findUser(Requests.ACCOUNT, "x")).isEmpty();
    }
}
