package io.strongroom.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.policy.PolicyOutline.ConditionOutline;
import io.strongroom.policy.PolicyOutline.StatementOutline;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A policy's statements as written, for services that judge a policy rather than evaluate requests. */
class PolicyOutlineTest {

    @Test
    void statementsKeepTheirPrincipalsActionsResourcesAndConditionsAsWritten() {
        PolicyDocument document = PolicyDocument.parse("""
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Principal":"*","Action":["s3:GetObject","s3:ListBucket"],
                   "Resource":"arn:aws:s3:::b/*",
                   "Condition":{"StringEquals":{"aws:SourceVpc":["vpc-1","vpc-2"]},"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}},
                  {"Effect":"Deny","NotPrincipal":{"AWS":"111122223333"},"NotAction":"s3:*","NotResource":"arn:aws:s3:::b"},
                  {"Effect":"Allow","Principal":{"AWS":["111122223333","*"]},"Action":"s3:*","Resource":"*"}
                ]}""", PolicyKind.RESOURCE);

        List<StatementOutline> statements = PolicyOutline.of(document);

        assertThat(statements).containsExactly(
                new StatementOutline(true, false, true, List.of("s3:GetObject", "s3:ListBucket"),
                        List.of("arn:aws:s3:::b/*"), List.of(
                        new ConditionOutline("StringEquals", "aws:SourceVpc", List.of("vpc-1", "vpc-2")),
                        new ConditionOutline("IpAddress", "aws:SourceIp", List.of("10.0.0.0/8")))),
                new StatementOutline(false, true, false, List.of("s3:*"), List.of("arn:aws:s3:::b"), List.of()),
                new StatementOutline(true, false, true, List.of("s3:*"), List.of("*"), List.of()));
    }

    @Test
    void aSingleStatementObjectAndANamedServicePrincipal() {
        PolicyDocument document = PolicyDocument.parse("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"Service\":\"logging.s3.amazonaws.com\"},\"Action\":\"s3:PutObject\",\"Resource\":\"*\"}}",
                PolicyKind.RESOURCE);
        assertThat(PolicyOutline.of(document)).containsExactly(new StatementOutline(true, false, false,
                List.of("s3:PutObject"), List.of("*"), List.of()));
    }
}
