package io.strongroom.organizations;

import static io.strongroom.organizations.testing.OrganizationsAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.organizations.testing.OrganizationsFixture;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyOperationsTest {
    static final String SCP = "SERVICE_CONTROL_POLICY";
    static final String RCP = "RESOURCE_CONTROL_POLICY";
    static final String DENY_LEAVE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Action\":\"organizations:LeaveOrganization\",\"Resource\":\"*\"}]}";
    static final String DENY_PUBLIC_S3 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\","
            + "\"Condition\":{\"BoolIfExists\":{\"aws:SecureTransport\":\"false\"}}}]}";
    private static final String INVALID_INPUT = "InvalidInputException";

    private final OrganizationsFixture f = new OrganizationsFixture();

    @Test
    void createAServiceControlPolicy() {
        OrganizationPolicy policy = f.organizations.createPolicy(f.admin, DENY_LEAVE, "Stay in", "DenyLeave", SCP);

        assertThat(policy.id()).matches("p-[a-z0-9]{10}");
        assertThat(policy.arn()).isEqualTo("arn:aws:organizations::" + f.managementAccount + ":policy/"
                + f.organizationId + "/service_control_policy/" + policy.id());
        assertThat(policy).isEqualTo(new OrganizationPolicy(policy.id(), policy.arn(), "DenyLeave", "Stay in",
                OrganizationPolicyType.SERVICE_CONTROL_POLICY, false, DENY_LEAVE));
        assertThat(f.organizations.describePolicy(f.admin, policy.id())).isEqualTo(policy);
        assertThat(f.organizations.listPolicies(f.admin, SCP, PageRequest.first()).items())
                .extracting(PolicySummary::name).containsExactlyInAnyOrder("FullAWSAccess", "DenyLeave");
    }

    @Test
    void createAResourceControlPolicy() {
        OrganizationPolicy policy = f.organizations.createPolicy(f.admin, DENY_PUBLIC_S3, "", "TlsOnly", RCP);
        assertThat(policy.arn()).contains("/resource_control_policy/");
        assertThat(f.organizations.listPolicies(f.admin, RCP, PageRequest.first()).items())
                .extracting(PolicySummary::id).containsExactlyInAnyOrder("p-RCPFullAWSAccess", policy.id());
    }

    @Test
    void contentOfExactly5120CharactersIsAccepted() {
        String padded = DENY_LEAVE + " ".repeat(PolicyContentRules.MAX_CONTENT_LENGTH - DENY_LEAVE.length());
        assertThat(f.organizations.createPolicy(f.admin, padded, "", "Padded", SCP).content()).hasSize(5120);
    }

    @Test
    void contentLongerThan5120CharactersWhiteSpaceIncluded() {
        String padded = DENY_LEAVE + " ".repeat(PolicyContentRules.MAX_CONTENT_LENGTH - DENY_LEAVE.length() + 1);
        assertError(f, () -> f.organizations.createPolicy(f.admin, padded, "", "TooBig", SCP),
                "ConstraintViolationException", "POLICY_CONTENT_LIMIT_EXCEEDED");
    }

    @Test
    void contentThatIsNotJson() {
        assertError(f, () -> f.organizations.createPolicy(f.admin, "{not json", "", "Broken", SCP),
                "MalformedPolicyDocumentException");
    }

    @Test
    void aServiceControlPolicyNamesNoPrincipal() {
        assertError(f, () -> f.organizations.createPolicy(f.admin, DENY_PUBLIC_S3, "", "WithPrincipal", SCP),
                "MalformedPolicyDocumentException");
    }

    @Test
    void aResourceControlPolicyNamesItsPrincipal() {
        assertError(f, () -> f.organizations.createPolicy(f.admin, DENY_LEAVE, "", "NoPrincipal", RCP),
                "MalformedPolicyDocumentException");
    }

    @Test
    void aResourceControlPolicyOnlyDeniesAndOnlyForEveryPrincipal() {
        String allow = DENY_PUBLIC_S3.replace("\"Deny\"", "\"Allow\"");
        String namedPrincipal = DENY_PUBLIC_S3.replace("\"Principal\":\"*\"",
                "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"}");
        String notAction = DENY_PUBLIC_S3.replace("\"Action\"", "\"NotAction\"");
        for (String content : new String[] {allow, namedPrincipal, notAction}) {
            assertError(f, () -> f.organizations.createPolicy(f.admin, content, "", "Loose", RCP),
                    "MalformedPolicyDocumentException");
        }
    }

    @Test
    void createRefusesAnUnknownPolicyType() {
        assertError(f, () -> f.organizations.createPolicy(f.admin, DENY_LEAVE, "", "X", "FIREWALL_POLICY"),
                INVALID_INPUT, "INVALID_ENUM_POLICY_TYPE");
    }

    @Test
    void createRefusesAPolicyTypeThisOrganizationDoesNotOffer() {
        assertError(f, () -> f.organizations.createPolicy(f.admin, DENY_LEAVE, "", "X", "TAG_POLICY"),
                "PolicyTypeNotAvailableForOrganizationException");
    }

    @Test
    void createRequiresAType() {
        assertError(f, () -> f.organizations.createPolicy(f.admin, DENY_LEAVE, "", "X", null), INVALID_INPUT,
                "INPUT_REQUIRED");
    }

    @Test
    void createRefusesATakenName() {
        f.organizations.createPolicy(f.admin, DENY_LEAVE, "", "DenyLeave", SCP);
        assertError(f, () -> f.organizations.createPolicy(f.admin, DENY_LEAVE, "", "DenyLeave", SCP),
                "DuplicatePolicyException");
        assertError(f, () -> f.organizations.createPolicy(f.admin, DENY_LEAVE, "", "FullAWSAccess", SCP),
                "DuplicatePolicyException");
    }

    @Test
    void createRefusesANameLongerThan128() {
        assertError(f, () -> f.organizations.createPolicy(f.admin, DENY_LEAVE, "", "n".repeat(129), SCP),
                INVALID_INPUT, "MAX_LENGTH_EXCEEDED");
    }

    @Test
    void createRefusesADescriptionLongerThan512() {
        assertError(f, () -> f.organizations.createPolicy(f.admin, DENY_LEAVE, "d".repeat(513), "X", SCP),
                INVALID_INPUT, "MAX_LENGTH_EXCEEDED");
    }

    @Test
    void atMostAThousandPoliciesOfAType() {
        for (int i = 1; i < PolicyOperations.MAX_POLICIES_PER_TYPE; i++) {
            f.organizations.createPolicy(f.admin, DENY_LEAVE, "", "Policy" + i, SCP);
        }
        assertError(f, () -> f.organizations.createPolicy(f.admin, DENY_LEAVE, "", "OneTooMany", SCP),
                "ConstraintViolationException", "POLICY_NUMBER_LIMIT_EXCEEDED");
        assertThat(f.organizations.createPolicy(f.admin, DENY_PUBLIC_S3, "", "OneTooMany", RCP).name())
                .isEqualTo("OneTooMany");
    }

    @Test
    void createRequiresContent() {
        assertError(f, () -> f.organizations.createPolicy(f.admin, "", "", "X", SCP), INVALID_INPUT,
                "MIN_LENGTH_EXCEEDED");
    }

    @Test
    void updateChangesWhatIsGiven() {
        OrganizationPolicy policy = f.organizations.createPolicy(f.admin, DENY_LEAVE, "Stay in", "DenyLeave", SCP);
        String denyAll = DENY_LEAVE.replace("organizations:LeaveOrganization", "*");

        OrganizationPolicy renamed = f.organizations.updatePolicy(f.admin, policy.id(), Optional.of("Renamed"),
                Optional.empty(), Optional.empty());
        assertThat(renamed).isEqualTo(new OrganizationPolicy(policy.id(), policy.arn(), "Renamed", "Stay in",
                policy.type(), false, DENY_LEAVE));
        OrganizationPolicy rewritten = f.organizations.updatePolicy(f.admin, policy.id(), Optional.empty(),
                Optional.of("Deny all"), Optional.of(denyAll));
        assertThat(rewritten.description()).isEqualTo("Deny all");
        assertThat(rewritten.content()).isEqualTo(denyAll);
        assertThat(f.organizations.describePolicy(f.admin, policy.id())).isEqualTo(rewritten);
    }

    @Test
    void updateRefusesAnAwsManagedPolicy() {
        assertError(f, () -> f.organizations.updatePolicy(f.admin, "p-FullAWSAccess", Optional.of("Mine"),
                Optional.empty(), Optional.empty()), INVALID_INPUT, "IMMUTABLE_POLICY");
    }

    @Test
    void updateToATakenName() {
        OrganizationPolicy policy = f.organizations.createPolicy(f.admin, DENY_LEAVE, "", "DenyLeave", SCP);
        f.organizations.createPolicy(f.admin, DENY_LEAVE, "", "Other", SCP);
        assertError(f, () -> f.organizations.updatePolicy(f.admin, policy.id(), Optional.of("Other"),
                Optional.empty(), Optional.empty()), "DuplicatePolicyException");
    }

    @Test
    void updateWithMalformedContent() {
        OrganizationPolicy policy = f.organizations.createPolicy(f.admin, DENY_LEAVE, "", "DenyLeave", SCP);
        assertError(f, () -> f.organizations.updatePolicy(f.admin, policy.id(), Optional.of("Renamed"),
                Optional.empty(), Optional.of("[]")), "MalformedPolicyDocumentException");
    }

    @Test
    void updateAnUnknownPolicy() {
        assertError(f, () -> f.organizations.updatePolicy(f.admin, "p-12345678", Optional.of("X"), Optional.empty(),
                Optional.empty()), "PolicyNotFoundException");
    }

    @Test
    void updateRefusesAMalformedPolicyId() {
        assertError(f, () -> f.organizations.updatePolicy(f.admin, "policy-1", Optional.of("X"), Optional.empty(),
                Optional.empty()), INVALID_INPUT, "INVALID_SYNTAX_POLICY_ID");
    }

    @Test
    void deleteAnUnattachedPolicy() {
        OrganizationPolicy policy = f.organizations.createPolicy(f.admin, DENY_LEAVE, "", "DenyLeave", SCP);
        f.organizations.deletePolicy(f.admin, policy.id());
        assertError(f, () -> f.organizations.describePolicy(f.admin, policy.id()), "PolicyNotFoundException");
    }

    @Test
    void deleteRefusesAnAttachedPolicy() {
        OrganizationPolicy policy = f.organizations.createPolicy(f.admin, DENY_LEAVE, "", "DenyLeave", SCP);
        f.organizations.attachPolicy(f.admin, policy.id(), f.rootId());
        assertError(f, () -> f.organizations.deletePolicy(f.admin, policy.id()), "PolicyInUseException");
    }

    @Test
    void deleteRefusesAnAwsManagedPolicy() {
        assertError(f, () -> f.organizations.deletePolicy(f.admin, "p-RCPFullAWSAccess"), INVALID_INPUT,
                "IMMUTABLE_POLICY");
    }

    @Test
    void deleteAnUnknownPolicy() {
        assertError(f, () -> f.organizations.deletePolicy(f.admin, "p-12345678"), "PolicyNotFoundException");
    }

    @Test
    void listPoliciesOfATypeThisOrganizationDoesNotOfferIsEmpty() {
        assertThat(f.organizations.listPolicies(f.admin, "TAG_POLICY", PageRequest.first()).items()).isEmpty();
    }

    @Test
    void listPoliciesRefusesAnUnknownFilter() {
        assertError(f, () -> f.organizations.listPolicies(f.admin, "ALL", PageRequest.first()), INVALID_INPUT,
                "INVALID_ENUM_POLICY_TYPE");
    }
}
