package io.strongroom.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** StartPosition and EndPosition of matched statements, as the policy simulator reports them. */
class StatementPositionTest {

    @Test
    void statementsOfAnArrayAreLocatedBySidOrIndex() {
        PolicyDocument document = PolicyDocument.parse("""
                {
                  "Version": "2012-10-17",
                  "Id": "has {braces} and \\"quotes\\" in a string",
                  "Statement": [
                    {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
                    {
                      "Effect": "Deny",
                      "Action": "s3:DeleteObject",
                      "Resource": "arn:aws:s3:::b/}"
                    }
                  ]
                }""");

        assertThat(document.statementPosition("Read")).contains(new StatementPosition(5, 6, 5, 82));
        assertThat(document.statementPosition("1")).contains(new StatementPosition(6, 6, 10, 6));
        assertThat(document.statementPosition("7")).isEmpty();
        assertThat(document.statementPosition("0")).as("the first statement has a Sid, so no index names it").isEmpty();
    }

    @Test
    void aSingleStatementObjectIsLocatedToo() {
        PolicyDocument document = PolicyDocument.parse(
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},\"Version\":\"2012-10-17\"}");
        assertThat(document.statementPosition("0")).contains(new StatementPosition(1, 15, 1, 60));
    }
}
