package io.strongroom.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Caller kinds, how a Principal element names a caller, and action lower-casing. */
class PrincipalsAndActionsTest {

    @Test
    void factoriesSetTheKindAndTheFourPartConstructorInfersIt() {
        assertThat(RequestPrincipal.iamIdentity("111122223333", "arn:aws:iam::111122223333:user/a").kind())
                .isEqualTo(RequestPrincipal.Kind.IAM_USER);
        assertThat(RequestPrincipal.iamIdentity("111122223333", "arn:aws:iam::111122223333:root").kind())
                .isEqualTo(RequestPrincipal.Kind.ROOT);
        assertThat(RequestPrincipal.assumedRole("111122223333", "arn:aws:iam::111122223333:role/R",
                "arn:aws:sts::111122223333:assumed-role/R/s").kind()).isEqualTo(RequestPrincipal.Kind.ROLE_SESSION);
        assertThat(RequestPrincipal.service("s3.amazonaws.com").kind()).isEqualTo(RequestPrincipal.Kind.SERVICE);
        assertThat(RequestPrincipal.anonymous().kind()).isEqualTo(RequestPrincipal.Kind.ANONYMOUS);

        assertThat(new RequestPrincipal(Set.of(), Set.of(), Set.of("arn:aws:iam::1:saml-provider/x"), Set.of()).kind())
                .isEqualTo(RequestPrincipal.Kind.FEDERATED);
        assertThat(new RequestPrincipal(Set.of("arn:aws:iam::111122223333:root",
                "arn:aws:sts::111122223333:assumed-role/R/s"), Set.of(), Set.of(), Set.of()).kind())
                .isEqualTo(RequestPrincipal.Kind.ROLE_SESSION);
        assertThat(new RequestPrincipal(Set.of("arn:aws:iam::111122223333:root"), Set.of(), Set.of(), Set.of()).kind())
                .isEqualTo(RequestPrincipal.Kind.ROOT);
        assertThat(new RequestPrincipal(Set.of(), Set.of(), Set.of(), Set.of()).kind())
                .isEqualTo(RequestPrincipal.Kind.ANONYMOUS);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "arn:aws:iam::111122223333:root, 1",
            "arn:aws:iam::111122223333:role/Analyst, 2",
            "arn:aws:iam::111122223333:role/path/Analyst, 2",
            "arn:aws:iam::111122223333:user/role/alice, 3",
            "arn:aws:iam::111122223333:user/alice, 3",
            "arn:aws:sts::111122223333:assumed-role/Analyst/s, 3",
            "arn:aws:sts::111122223333:federated-user/bob, 3",
            "arn:aws-cn:iam::111122223333:root, 1",
    })
    void principalIdentifiersAreClassified(String id, int expected) {
        assertThat(PrincipalMatcher.classify(id)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "s3:GetObject, s3:getobject",
            "s3:getobject, s3:getobject",
            "IAM:CreateUser, iam:createuser",
            "s3:GetÖbject, s3:getöbject",
            "s3:Get\u212Aey, s3:getkey",
            "s3:GetΣ, s3:getσ",
    })
    void actionsAreLowerCasedWithoutChangingTheirLength(String action, String expected) {
        assertThat(ActionNames.lowerCase(action)).isEqualTo(expected).hasSameSizeAs(action);
        assertThat(ActionNames.of(action).lowerCase()).isEqualTo(expected);
        assertThat(ActionNames.of(action).lowerCase()).as("remembered").isEqualTo(expected);
        assertThat(ActionNames.of(new String(action)).service()).isEqualTo(expected.substring(0, expected.indexOf(':')));
    }

    @Test
    void unchangedActionsAreReturnedAsTheyAre() {
        String action = "s3:getobject";
        assertThat(ActionNames.lowerCase(action)).isSameAs(action);
        assertThat(ActionNames.of("noservice").service()).isEmpty();
    }

    @Test
    void policyActionPatternsStillMatchAnyCase() {
        NamedPolicy policy = new NamedPolicy(PolicyType.IDENTITY, "p", PolicyDocument.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"S3:Get*\",\"Resource\":\"*\"}}"));
        PolicyEvaluator evaluator = new PolicyEvaluator();
        for (String action : new String[]{"s3:GetObject", "S3:GETOBJECT", "s3:getobject"}) {
            assertThat(evaluator.evaluate(new AuthorizationRequest(action, "*"), PolicySet.identityOnly(java.util.List.of(policy)))
                    .allowed()).as(action).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource({
            "10.1.2.3, 10.0.0.0/8, true",
            "11.1.2.3, 10.0.0.0/8, false",
            "192.0.2.255, 192.0.2.0/24, true",
            "192.0.3.0, 192.0.2.0/24, false",
            "203.0.113.7, 203.0.113.7, true",
            "203.0.113.8, 203.0.113.7/32, false",
            "1.2.3.4, 0.0.0.0/0, true",
            "255.255.255.255, 128.0.0.0/1, true",
            "127.0.0.1, 128.0.0.0/1, false",
            "10.0.0.1, ::/0, false",
    })
    void ipv4FastPathAgreesWithTheByteComparison(String address, String cidr, boolean expected) {
        IpAddressRange range = IpAddressRange.parse(cidr);
        long parsed = IpAddressRange.parseIpv4(address);
        assertThat(parsed).isNotNegative();
        assertThat(range.containsIpv4(parsed)).isEqualTo(expected);
        assertThat(range.contains(IpAddressRange.parseAddress(address))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"256.0.0.1", "1.2.3", "1.2.3.4.5", "a.b.c.d", "1..2.3", "2001:db8::1", "''", "'1.2.3.4 '"})
    void nonIpv4TextIsNotParsedAsIpv4(String text) {
        assertThat(IpAddressRange.parseIpv4(text)).isEqualTo(-1);
    }
}
