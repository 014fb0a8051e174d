package io.strongroom.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardPatternTest {

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "*|anything|true",
            "*|''|true",
            "abc|abc|true",
            "abc|abcd|false",
            "abc|ABC|false",
            "a*|a|true",
            "a*|abc|true",
            "a*|ba|false",
            "*c|abc|true",
            "*c|abd|false",
            "a*c|ac|true",
            "a*c|abbbc|true",
            "a*c|abcd|false",
            "a?c|abc|true",
            "a?c|ac|false",
            "a*b*c|axxbyyc|true",
            "a*b*c|axxcyyb|false",
            "*b*|abc|true",
            "*b*|ac|false",
            "??|ab|true",
            "??|abc|false",
            "a**b|ab|true",
            "arn:aws:s3:::bucket/*|arn:aws:s3:::bucket/key/deeper|true",
            "arn:aws:s3:::bucket/*|arn:aws:s3:::bucket2/key|false",
            "arn:aws:ec2:*:123456789012:instance/*|arn:aws:ec2:us-east-1:123456789012:instance/i-1|true",
            "*a*a*a|aaa|true",
            "*a*a*a|aa|false",
    })
    void globsMatchCaseSensitively(String pattern, String text, boolean expected) {
        assertThat(WildcardPattern.glob(pattern, false, false).matches(text, null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "s3:GetObject|S3:getobject|true",
            "s3:get*|s3:GetObject|true",
            "S3:Get*|s3:getObject|true",
            "iam:*User|iam:CreateUser|true",
            "iam:*User|iam:CreateUsers|false",
    })
    void actionPatternsIgnoreCase(String pattern, String text, boolean expected) {
        assertThat(WildcardPattern.glob(pattern, false, true).matches(text, null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "home/${aws:username}/*|home/alice/notes|true",
            "home/${aws:username}/*|home/bob/notes|false",
            "home/${aws:USERNAME}/*|home/alice/notes|true",
            "home/${aws:PrincipalTag/team}/*|home/data/x|false",
            "home/${aws:PrincipalTag/team, 'shared'}/*|home/shared/x|true",
            "literal-${*}|literal-*|true",
            "literal-${*}|literal-x|false",
            "q${?}|q?|true",
            "q${?}|qx|false",
            "cost${$}|cost$|true",
            "multi/${aws:TagKeys}|multi/a|false",
    })
    void variablesAreSubstitutedLiterally(String pattern, String text, boolean expected) {
        var context = new ConditionKeyMap(Policies.keys("aws:username", "alice", "aws:TagKeys", "a|b"));
        assertThat(WildcardPattern.glob(pattern, true, false).matches(text, context)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void wildcardCharactersInsideAVariableValueAreLiteral() {
        var context = new ConditionKeyMap(Map.of("aws:username", java.util.List.of("*")));
        WildcardPattern pattern = WildcardPattern.glob("home/${aws:username}", true, false);
        assertThat(pattern.matches("home/*", context)).isTrue();
        assertThat(pattern.matches("home/alice", context)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void withoutVariableSupportTheDollarSyntaxIsPlainText() {
        var context = new ConditionKeyMap(Policies.keys("aws:username", "alice"));
        WildcardPattern pattern = WildcardPattern.glob("home/${aws:username}", false, false);
        assertThat(pattern.matches("home/alice", context)).isFalse();
        assertThat(pattern.matches("home/${aws:username}", context)).isTrue();
    }

    @org.junit.jupiter.api.Test
    void exactPatternsTreatWildcardsAsText() {
        assertThat(WildcardPattern.exact("a*", false, false).matches("a*", null)).isTrue();
        assertThat(WildcardPattern.exact("a*", false, false).matches("abc", null)).isFalse();
    }
}
