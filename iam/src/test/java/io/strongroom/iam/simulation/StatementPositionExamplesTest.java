package io.strongroom.iam.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.policy.PolicyDocument;
import io.strongroom.policy.PolicyKind;
import io.strongroom.policy.StatementPosition;
import org.junit.jupiter.api.Test;

/** Statement positions as the simulator reports them reproduce the AWS CLI reference's examples. */
class StatementPositionExamplesTest {

    @Test
    void theSimulateCustomPolicyExample() {
        String json = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"dynamodb:*\","
                + "\"Resource\":\"*\",\"Condition\":{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2018-08-16T12:00:00Z\"}}}}";
        assertThat(PolicyDocument.parse(json, PolicyKind.IDENTITY).statementPosition("0"))
                .contains(new StatementPosition(1, 38, 1, 167));
    }

    @Test
    void statementsOfAnArrayOverSeveralLines() {
        String json = """
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Sid": "ReadData",
                            "Effect": "Allow",
                            "Action": ["s3:GetObject", "s3:ListBucket"],
                            "Resource": "*"
                        },
                        {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}
                    ]
                }""";
        PolicyDocument document = PolicyDocument.parse(json, PolicyKind.IDENTITY);
        assertThat(document.statementPosition("ReadData")).contains(new StatementPosition(4, 10, 9, 10));
        assertThat(document.statementPosition("1")).contains(new StatementPosition(10, 10, 10, 73));
        assertThat(document.statementPosition("7")).isEmpty();
    }
}
