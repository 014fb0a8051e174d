package io.strongroom.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-evaluation memos must never hand one key's or one value's answer to another. */
class EvaluationContextTest {

    private static EvaluationContext context(String... pairs) {
        return new EvaluationContext(new ConditionKeyMap(Policies.keys(pairs)));
    }

    @Test
    void keyLookupsAnswerTheSameWhetherRememberedOrNot() {
        EvaluationContext context = context("aws:SourceIp", "10.0.0.1", "aws:TagKeys", "a|b");
        String key = "aws:sourceip".intern();

        assertThat(context.values(key)).containsExactly("10.0.0.1");
        assertThat(context.values(key)).containsExactly("10.0.0.1");
        // An equal key in another String instance is not recognised by reference, and is looked up again.
        assertThat(context.values(new String("aws:sourceip"))).containsExactly("10.0.0.1");
        assertThat(context.values("aws:tagkeys")).containsExactly("a", "b");
        assertThat(context.values("aws:username")).isNull();
        assertThat(context.values("aws:username")).isNull();
    }

    @Test
    void keysBeyondTheMemoCapacityAreStillLookedUp() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        int count = EvaluationContext.REMEMBERED_KEYS + 5;
        for (int i = 0; i < count; i++) {
            keys.put("test:Key" + i, List.of("v" + i));
        }
        EvaluationContext context = new EvaluationContext(new ConditionKeyMap(keys));

        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < count; i++) {
                assertThat(context.values(("test:key" + i).intern())).containsExactly("v" + i);
            }
        }
    }

    @Test
    void variableValuesFollowTheKeyAskedFor() {
        EvaluationContext context = context("aws:username", "alice", "aws:PrincipalTag/team", "red",
                "aws:TagKeys", "a|b");

        assertThat(context.singleValue("aws:username")).isEqualTo("alice");
        assertThat(context.singleValue("aws:principaltag/team")).isEqualTo("red");
        assertThat(context.singleValue("aws:username")).isEqualTo("alice");
        assertThat(context.singleValue("aws:tagkeys")).as("multi-valued").isNull();
        assertThat(context.singleValue("aws:sourceip")).as("absent").isNull();
        assertThat(context.singleValue("aws:principaltag/team")).isEqualTo("red");
    }

    @Test
    void parsedAddressesFollowTheTextAskedFor() {
        EvaluationContext context = context();

        assertThat(context.address("10.0.0.1")).containsExactly(10, 0, 0, 1);
        assertThat(context.address("not-an-ip")).isNull();
        assertThat(context.address("192.168.1.2")).containsExactly(192 - 256, 168 - 256, 1, 2);
        assertThat(context.address("2001:db8::1")).hasSize(16);
        assertThat(context.address("10.0.0.1")).containsExactly(10, 0, 0, 1);
    }

    @Test
    void parsedDatesFollowTheTextAskedFor() {
        EvaluationContext context = context();

        assertThat(context.epochMillis("2026-03-14T09:26:53Z"))
                .isEqualTo(Instant.parse("2026-03-14T09:26:53Z").toEpochMilli());
        assertThat(context.epochMillis("1700000000")).isEqualTo(1_700_000_000_000L);
        assertThat(context.epochMillis("yesterday")).isEqualTo(Timestamps.INVALID);
        assertThat(context.epochMillis("2026-03-14T09:26:53Z"))
                .isEqualTo(Instant.parse("2026-03-14T09:26:53Z").toEpochMilli());
    }

    @Test
    void parsedNumbersFollowTheTextAskedFor() {
        EvaluationContext context = context();

        assertThat(context.number("10")).isEqualByComparingTo("10");
        assertThat(context.number("ten")).isNull();
        assertThat(context.number("-1.5")).isEqualByComparingTo(new BigDecimal("-1.5"));
        assertThat(context.number("10")).isEqualByComparingTo("10");
    }

    @Test
    void oneEvaluationSeesEachStatementsOwnValuesAcrossPolicies() {
        // Two policies read two date keys and two address keys in turn: the one-entry memos switch
        // back and forth within a single evaluation, and every clause must still see its own value.
        String policy = """
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
                 "Condition":{"DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"},
                              "DateGreaterThan":{"aws:TokenIssueTime":"%s"},
                              "IpAddress":{"aws:SourceIp":"10.0.0.0/8"},
                              "NotIpAddress":{"aws:VpcSourceIp":"%s"}}}}""";
        NamedPolicy first = Policies.identity("first", policy.formatted("2020-01-01T00:00:00Z", "10.0.0.0/8"));
        NamedPolicy second = Policies.identity("second", policy.formatted("2025-01-01T00:00:00Z", "192.168.0.0/16"));
        AuthorizationRequest request = new AuthorizationRequest("s3:GetObject", "arn:aws:s3:::b/k",
                Policies.keys("aws:CurrentTime", "2026-03-14T09:26:53Z", "aws:TokenIssueTime", "2024-06-01T00:00:00Z",
                        "aws:SourceIp", "10.1.2.3", "aws:VpcSourceIp", "10.9.9.9"));

        Decision decision = new PolicyEvaluator().evaluate(request, PolicySet.identityOnly(List.of(first, second)));

        // first: token issued after 2020 (yes) but VPC address inside 10/8 (NotIpAddress fails);
        // second: token issued before 2025 (DateGreaterThan fails). Neither applies.
        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.IMPLICIT_DENY);

        NamedPolicy third = Policies.identity("third", policy.formatted("2020-01-01T00:00:00Z", "192.168.0.0/16"));
        Decision allowed = new PolicyEvaluator().evaluate(request,
                PolicySet.identityOnly(List.of(first, second, third)));
        assertThat(allowed.outcome()).isEqualTo(Decision.Outcome.ALLOW);
        assertThat(allowed.deciding()).extracting(Decision.MatchedStatement::source).containsExactly("third");
    }
}
