package io.strongroom.protocol.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.audit.AuditResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditResourceTableTest {
    private final AuditResourceTable table = AuditResourceTable.builder()
            .name("userName", "AWS::IAM::User", (account, region, name) -> "arn:aws:iam::" + account + ":user/" + name)
            .arn("policyArn", "AWS::IAM::Policy")
            .build();

    @Test
    void namesBecomeArnsInTheCallersAccountAndArnsStayAsSent() {
        assertThat(table.resources(Map.of("userName", "alice", "policyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess",
                "other", "ignored"), "111122223333", "us-east-1")).containsExactly(
                new AuditResource("arn:aws:iam::111122223333:user/alice", "111122223333", "AWS::IAM::User"),
                new AuditResource("arn:aws:iam::aws:policy/ReadOnlyAccess", "111122223333", "AWS::IAM::Policy"));
    }

    @Test
    void missingEmptyOrNonTextParametersNameNothing() {
        assertThat(table.resources(null, "111122223333", "us-east-1")).isEmpty();
        assertThat(table.resources(Map.of("userName", "", "policyArn", List.of("x")), "111122223333", "us-east-1"))
                .isEmpty();
    }
}
