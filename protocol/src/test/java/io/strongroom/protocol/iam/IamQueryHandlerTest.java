package io.strongroom.protocol.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.AwsException;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.support.IamScenario;
import io.strongroom.protocol.support.IdentityFixture;
import io.strongroom.protocol.support.Requests;
import io.strongroom.protocol.support.Xml;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The IAM handler over the real identity service (in-memory SPIs), as the server calls it. */
class IamQueryHandlerTest {
    private static final String V = IamScenario.VERSION;

    private final IdentityFixture fixture = new IdentityFixture();
    private final IamScenario scenario = new IamScenario(fixture.iam, Requests.rootCall());

    private ApiResponse send(String action, String... nameValues) {
        ApiRequest request = Requests.post(action, V, nameValues);
        try {
            return fixture.iam.handle(request, Requests.rootCall());
        } catch (AwsException e) {
            return fixture.iam.renderError(request, e);
        }
    }

    private static void assertError(ApiResponse response, int status, String code) {
        assertThat(response.status()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        assertThat(Xml.text(response, "/ErrorResponse/Error/Code")).isEqualTo(code);
    }

    @Test
    void identifiesItself() {
        assertThat(fixture.iam.signingName()).isEqualTo("iam");
        assertThat(fixture.iam.operationName(Requests.post("ListUsers", V))).isEqualTo("ListUsers");
        assertThat(fixture.iam.operationName(Requests.post("AssumeRole", "2011-06-15"))).isEqualTo("Unknown");
    }

    @Test
    void createsAndReadsAUserWithTags() {
        scenario.call("CreateUser", "UserName", "alice", "Path", "/team/", "Tags.member.1.Key", "dept",
                "Tags.member.1.Value", "risk + ops/a=b@c é");
        Document user = Xml.parse(scenario.call("GetUser", "UserName", "alice"));
        String base = "/GetUserResponse/GetUserResult/User/";
        assertThat(Xml.text(user, base + "UserName")).isEqualTo("alice");
        assertThat(Xml.text(user, base + "Path")).isEqualTo("/team/");
        assertThat(Xml.text(user, base + "Arn")).isEqualTo("arn:aws:iam::" + Requests.ACCOUNT + ":user/team/alice");
        assertThat(Xml.text(user, base + "UserId")).startsWith("AIDA");
        assertThat(Xml.text(user, base + "CreateDate")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(Xml.text(user, base + "Tags/member/Key")).isEqualTo("dept");
        assertThat(Xml.text(user, base + "Tags/member/Value")).isEqualTo("risk + ops/a=b@c é");
        assertThat(Xml.text(user, "/GetUserResponse/ResponseMetadata/RequestId")).isEqualTo(Requests.REQUEST_ID);
    }

    @Test
    void pagesWithMarkerAndMaxItems() {
        for (String name : new String[] {"ann", "ben", "cat"}) {
            scenario.call("CreateUser", "UserName", name);
        }
        Document first = Xml.parse(scenario.call("ListUsers", "MaxItems", "2"));
        assertThat(Xml.count(first, "/ListUsersResponse/ListUsersResult/Users/member")).isEqualTo(2);
        assertThat(Xml.text(first, "/ListUsersResponse/ListUsersResult/IsTruncated")).isEqualTo("true");
        String marker = Xml.text(first, "/ListUsersResponse/ListUsersResult/Marker");
        assertThat(marker).isNotEmpty();

        Document second = Xml.parse(scenario.call("ListUsers", "MaxItems", "2", "Marker", marker));
        assertThat(Xml.text(second, "/ListUsersResponse/ListUsersResult/Users/member/UserName")).isEqualTo("cat");
        assertThat(Xml.text(second, "/ListUsersResponse/ListUsersResult/IsTruncated")).isEqualTo("false");
        assertThat(Xml.count(second, "/ListUsersResponse/ListUsersResult/Marker")).isZero();
    }

    @Test
    void policyDocumentsArePercentEncodedAsIamReturnsThem() {
        scenario.call("CreateRole", "RoleName", "analyst", "AssumeRolePolicyDocument", IamScenario.TRUST_DOCUMENT);
        String encoded = Xml.text(scenario.call("GetRole", "RoleName", "analyst"),
                "/GetRoleResponse/GetRoleResult/Role/AssumeRolePolicyDocument");
        assertThat(encoded).startsWith("%7B%22Version%22").doesNotContain("{").doesNotContain("\"");
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(IamScenario.TRUST_DOCUMENT);

        scenario.call("CreatePolicy", "PolicyName", "Readers", "Path", "/readers/", "PolicyDocument",
                IamScenario.POLICY_DOCUMENT);
        String document = Xml.text(scenario.call("GetPolicyVersion", "PolicyArn", IamScenario.POLICY_ARN,
                "VersionId", "v1"), "/GetPolicyVersionResponse/GetPolicyVersionResult/PolicyVersion/Document");
        assertThat(URLDecoder.decode(document, StandardCharsets.UTF_8)).isEqualTo(IamScenario.POLICY_DOCUMENT);
    }

    @Test
    void accessKeySecretIsReturnedOnceAndNeverListed() {
        scenario.call("CreateUser", "UserName", "alice");
        Document created = Xml.parse(scenario.call("CreateAccessKey", "UserName", "alice"));
        String base = "/CreateAccessKeyResponse/CreateAccessKeyResult/AccessKey/";
        String secret = Xml.text(created, base + "SecretAccessKey");
        assertThat(secret).hasSize(40);
        assertThat(Xml.text(created, base + "AccessKeyId")).startsWith("AKIA");
        assertThat(Xml.text(created, base + "Status")).isEqualTo("Active");

        ApiResponse listed = scenario.call("ListAccessKeys", "UserName", "alice");
        assertThat(new String(listed.body(), StandardCharsets.UTF_8)).doesNotContain(secret)
                .doesNotContain("SecretAccessKey");
        String keyId = Xml.text(created, base + "AccessKeyId");
        Document lastUsed = Xml.parse(scenario.call("GetAccessKeyLastUsed", "AccessKeyId", keyId));
        assertThat(Xml.text(lastUsed, "/GetAccessKeyLastUsedResponse/GetAccessKeyLastUsedResult/AccessKeyLastUsed/Region"))
                .isEqualTo("N/A");
        assertThat(Xml.text(lastUsed, "/GetAccessKeyLastUsedResponse/GetAccessKeyLastUsedResult/UserName"))
                .isEqualTo("alice");
    }

    @Test
    void domainErrorsKeepTheirCodeAndStatus() {
        ApiResponse response = send("GetUser", "UserName", "nobody");
        assertError(response, 404, "NoSuchEntity");
        assertThat(Xml.text(response, "/ErrorResponse/Error/Type")).isEqualTo("Sender");
    }

    @Test
    void missingRequiredParameterChangesNothing() {
        ApiResponse response = send("CreateRole", "RoleName", "analyst");
        assertError(response, 400, "ValidationError");
        assertThat(Xml.text(response, "/ErrorResponse/Error/Message")).isEqualTo("1 validation error detected: "
                + "Value null at 'assumeRolePolicyDocument' failed to satisfy constraint: Member must not be null");
        assertThat(fixture.repository.findRole(Requests.ACCOUNT, "analyst")).isEmpty();
    }

    @Test
    void badIntegerChangesNothing() {
        assertError(send("CreateRole", "RoleName", "analyst", "AssumeRolePolicyDocument", IamScenario.TRUST_DOCUMENT,
                "MaxSessionDuration", "an hour"), 400, "ValidationError");
        assertThat(fixture.repository.findRole(Requests.ACCOUNT, "analyst")).isEmpty();
    }

    @Test
    void badMaxItemsIsRefused() {
        assertError(send("ListUsers", "MaxItems", "0"), 400, "ValidationError");
        assertError(send("ListRoles", "MaxItems", "x"), 400, "ValidationError");
    }

    @Test
    void tagWithoutValueIsRefusedAndNothingIsCreated() {
        assertError(send("CreateUser", "UserName", "alice", "Tags.member.1.Key", "dept"), 400, "ValidationError");
        assertThat(fixture.repository.findUser(Requests.ACCOUNT, "alice")).isEmpty();
    }

    @Test
    void tagsOnManagedPoliciesAreRefusedNotDropped() {
        assertError(send("CreatePolicy", "PolicyName", "Readers", "PolicyDocument", IamScenario.POLICY_DOCUMENT,
                "Tags.member.1.Key", "k", "Tags.member.1.Value", "v"), 400, "ValidationError");
        assertThat(fixture.repository.findManagedPolicy("arn:aws:iam::" + Requests.ACCOUNT + ":policy/Readers")).isEmpty();
    }

    @Test
    void unknownFilterOfAccountDetailsIsRefused() {
        assertError(send("GetAccountAuthorizationDetails", "Filter.member.1", "Everything"), 400, "ValidationError");
    }

    @Test
    void untagNeedsTagKeys() {
        scenario.call("CreateUser", "UserName", "alice", "Tags.member.1.Key", "dept", "Tags.member.1.Value", "risk");
        assertError(send("UntagUser", "UserName", "alice"), 400, "ValidationError");
        assertThat(fixture.repository.findUser(Requests.ACCOUNT, "alice").orElseThrow().tags()).containsKey("dept");
    }

    @Test
    void stsVersionIsNotAnIamVersion() {
        ApiResponse response = fixture.iam.renderError(Requests.post("ListUsers", "2011-06-15"),
                catchAws(() -> fixture.iam.handle(Requests.post("ListUsers", "2011-06-15"), Requests.rootCall())));
        assertError(response, 400, "InvalidAction");
        assertThat(Xml.text(response, "/ErrorResponse/Error/Message"))
                .isEqualTo("Could not find operation ListUsers for version 2011-06-15");
    }

    private static AwsException catchAws(Runnable call) {
        try {
            call.run();
        } catch (AwsException e) {
            return e;
        }
        throw new AssertionError("expected an AwsException");
    }
}
