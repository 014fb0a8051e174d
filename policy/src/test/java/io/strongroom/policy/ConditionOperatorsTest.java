package io.strongroom.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every condition operator against present, absent and multi-valued keys. Each row: the Condition
 * block, the request's condition keys (key, value pairs; "a|b" is multi-valued) and whether the
 * single Allow statement applies.
 */
class ConditionOperatorsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // String operators
                row("{\"StringEquals\":{\"aws:PrincipalTag/team\":\"data\"}}", true, "aws:PrincipalTag/team", "data"),
                row("{\"StringEquals\":{\"aws:PrincipalTag/team\":\"data\"}}", false, "aws:PrincipalTag/team", "Data"),
                row("{\"StringEquals\":{\"aws:PrincipalTag/team\":\"data\"}}", false),
                row("{\"StringEquals\":{\"aws:principaltag/TEAM\":\"data\"}}", true, "aws:PrincipalTag/team", "data"),
                row("{\"StringEquals\":{\"aws:PrincipalTag/team\":[\"ops\",\"data\"]}}", true, "aws:PrincipalTag/team", "data"),
                row("{\"StringNotEquals\":{\"aws:PrincipalTag/team\":[\"ops\",\"data\"]}}", false, "aws:PrincipalTag/team", "data"),
                row("{\"StringNotEquals\":{\"aws:PrincipalTag/team\":[\"ops\",\"data\"]}}", true, "aws:PrincipalTag/team", "web"),
                row("{\"StringNotEquals\":{\"aws:PrincipalTag/team\":\"ops\"}}", true),
                row("{\"StringEqualsIgnoreCase\":{\"aws:PrincipalTag/team\":\"DATA\"}}", true, "aws:PrincipalTag/team", "data"),
                row("{\"StringEqualsIgnoreCase\":{\"aws:PrincipalTag/team\":\"DATA\"}}", false, "aws:PrincipalTag/team", "date"),
                row("{\"StringEqualsIgnoreCase\":{\"aws:PrincipalTag/team\":\"DATA\"}}", false),
                row("{\"StringNotEqualsIgnoreCase\":{\"aws:PrincipalTag/team\":\"DATA\"}}", false, "aws:PrincipalTag/team", "data"),
                row("{\"StringNotEqualsIgnoreCase\":{\"aws:PrincipalTag/team\":\"DATA\"}}", true, "aws:PrincipalTag/team", "web"),
                row("{\"StringNotEqualsIgnoreCase\":{\"aws:PrincipalTag/team\":\"DATA\"}}", true),
                row("{\"StringLike\":{\"s3:prefix\":\"home/*\"}}", true, "s3:prefix", "home/alice/x"),
                row("{\"StringLike\":{\"s3:prefix\":\"home/?\"}}", false, "s3:prefix", "home/ab"),
                row("{\"StringLike\":{\"s3:prefix\":\"home/*\"}}", false, "s3:prefix", "Home/alice"),
                row("{\"StringLike\":{\"s3:prefix\":\"home/*\"}}", false),
                row("{\"StringNotLike\":{\"s3:prefix\":\"tmp/*\"}}", true, "s3:prefix", "home/x"),
                row("{\"StringNotLike\":{\"s3:prefix\":\"tmp/*\"}}", false, "s3:prefix", "tmp/x"),
                row("{\"StringNotLike\":{\"s3:prefix\":\"tmp/*\"}}", true),
                row("{\"StringEqualsIfExists\":{\"aws:PrincipalTag/team\":\"data\"}}", true),
                row("{\"StringEqualsIfExists\":{\"aws:PrincipalTag/team\":\"data\"}}", false, "aws:PrincipalTag/team", "ops"),
                row("{\"StringEqualsIfExists\":{\"aws:PrincipalTag/team\":\"data\"}}", true, "aws:PrincipalTag/team", "data"),
                // Numeric
                row("{\"NumericEquals\":{\"s3:max-keys\":\"10\"}}", true, "s3:max-keys", "10"),
                row("{\"NumericEquals\":{\"s3:max-keys\":10}}", true, "s3:max-keys", "10.0"),
                row("{\"NumericEquals\":{\"s3:max-keys\":\"10\"}}", false, "s3:max-keys", "11"),
                row("{\"NumericEquals\":{\"s3:max-keys\":\"10\"}}", false, "s3:max-keys", "ten"),
                row("{\"NumericEquals\":{\"s3:max-keys\":\"10\"}}", false),
                row("{\"NumericNotEquals\":{\"s3:max-keys\":\"10\"}}", true, "s3:max-keys", "11"),
                row("{\"NumericNotEquals\":{\"s3:max-keys\":\"10\"}}", false, "s3:max-keys", "10"),
                row("{\"NumericNotEquals\":{\"s3:max-keys\":\"10\"}}", false, "s3:max-keys", "ten"),
                row("{\"NumericNotEquals\":{\"s3:max-keys\":\"10\"}}", true),
                row("{\"NumericLessThan\":{\"s3:max-keys\":\"10\"}}", true, "s3:max-keys", "9"),
                row("{\"NumericLessThan\":{\"s3:max-keys\":\"10\"}}", false, "s3:max-keys", "10"),
                row("{\"NumericLessThanEquals\":{\"s3:max-keys\":\"10\"}}", true, "s3:max-keys", "10"),
                row("{\"NumericLessThanEquals\":{\"s3:max-keys\":\"10\"}}", false, "s3:max-keys", "10.5"),
                row("{\"NumericGreaterThan\":{\"s3:max-keys\":\"10\"}}", true, "s3:max-keys", "10.5"),
                row("{\"NumericGreaterThan\":{\"s3:max-keys\":\"10\"}}", false, "s3:max-keys", "10"),
                row("{\"NumericGreaterThanEquals\":{\"s3:max-keys\":\"10\"}}", true, "s3:max-keys", "10"),
                row("{\"NumericGreaterThanEquals\":{\"s3:max-keys\":\"10\"}}", false, "s3:max-keys", "-3"),
                row("{\"NumericLessThanIfExists\":{\"s3:max-keys\":\"10\"}}", true),
                row("{\"NumericLessThan\":{\"s3:max-keys\":\"10\"}}", false),
                // Date
                row("{\"DateLessThan\":{\"aws:CurrentTime\":\"2030-01-01T00:00:00Z\"}}", true, "aws:CurrentTime", "2029-12-31T23:59:59Z"),
                row("{\"DateLessThan\":{\"aws:CurrentTime\":\"2030-01-01T00:00:00Z\"}}", false, "aws:CurrentTime", "2030-01-01T00:00:00Z"),
                row("{\"DateLessThan\":{\"aws:CurrentTime\":\"2030-01-01T00:00:00Z\"}}", false),
                row("{\"DateLessThanEquals\":{\"aws:CurrentTime\":\"2030-01-01\"}}", true, "aws:CurrentTime", "2030-01-01T00:00:00Z"),
                row("{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2020-01-01T00:00:00Z\"}}", true, "aws:CurrentTime", "2024-06-01T10:00:00Z"),
                row("{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2020-01-01T00:00:00Z\"}}", false, "aws:CurrentTime", "2019-06-01T10:00:00Z"),
                row("{\"DateGreaterThanEquals\":{\"aws:EpochTime\":1577836800}}", true, "aws:EpochTime", "1577836800"),
                row("{\"DateGreaterThanEquals\":{\"aws:EpochTime\":1577836800}}", false, "aws:EpochTime", "1577836799"),
                row("{\"DateEquals\":{\"aws:TokenIssueTime\":\"2024-01-01T00:00:00Z\"}}", true, "aws:TokenIssueTime", "1704067200"),
                row("{\"DateEquals\":{\"aws:TokenIssueTime\":\"2024-01-01T00:00:00Z\"}}", false, "aws:TokenIssueTime", "not-a-date"),
                row("{\"DateNotEquals\":{\"aws:TokenIssueTime\":\"2024-01-01T00:00:00Z\"}}", true, "aws:TokenIssueTime", "2024-01-02T00:00:00Z"),
                row("{\"DateNotEquals\":{\"aws:TokenIssueTime\":\"2024-01-01T00:00:00Z\"}}", false, "aws:TokenIssueTime", "2024-01-01T00:00:00Z"),
                row("{\"DateNotEquals\":{\"aws:TokenIssueTime\":\"2024-01-01T00:00:00Z\"}}", true),
                row("{\"DateLessThanIfExists\":{\"aws:CurrentTime\":\"2030-01-01T00:00:00Z\"}}", true),
                // Bool
                row("{\"Bool\":{\"aws:SecureTransport\":\"true\"}}", true, "aws:SecureTransport", "true"),
                row("{\"Bool\":{\"aws:SecureTransport\":true}}", true, "aws:SecureTransport", "TRUE"),
                row("{\"Bool\":{\"aws:SecureTransport\":\"true\"}}", false, "aws:SecureTransport", "false"),
                row("{\"Bool\":{\"aws:SecureTransport\":\"true\"}}", false, "aws:SecureTransport", "yes"),
                row("{\"Bool\":{\"aws:SecureTransport\":\"true\"}}", false),
                row("{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"true\"}}", true),
                row("{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"true\"}}", false, "aws:MultiFactorAuthPresent", "false"),
                // Binary
                row("{\"BinaryEquals\":{\"s3:x-amz-meta-key\":\"QmluYXJ5VmFsdWU=\"}}", true, "s3:x-amz-meta-key", "QmluYXJ5VmFsdWU="),
                row("{\"BinaryEquals\":{\"s3:x-amz-meta-key\":\"QmluYXJ5VmFsdWU=\"}}", false, "s3:x-amz-meta-key", "T3RoZXI="),
                row("{\"BinaryEquals\":{\"s3:x-amz-meta-key\":\"QmluYXJ5VmFsdWU=\"}}", false, "s3:x-amz-meta-key", "!!"),
                row("{\"BinaryEquals\":{\"s3:x-amz-meta-key\":\"QmluYXJ5VmFsdWU=\"}}", false),
                // IP address
                row("{\"IpAddress\":{\"aws:SourceIp\":[\"203.0.113.0/24\",\"2001:db8::/32\"]}}", true, "aws:SourceIp", "203.0.113.9"),
                row("{\"IpAddress\":{\"aws:SourceIp\":[\"203.0.113.0/24\",\"2001:db8::/32\"]}}", true, "aws:SourceIp", "2001:db8::42"),
                row("{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}", false, "aws:SourceIp", "198.51.100.1"),
                row("{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}", false, "aws:SourceIp", "garbage"),
                row("{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}", false),
                row("{\"NotIpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}", true, "aws:SourceIp", "198.51.100.1"),
                row("{\"NotIpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}", false, "aws:SourceIp", "203.0.113.1"),
                row("{\"NotIpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}", false, "aws:SourceIp", "garbage"),
                row("{\"NotIpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}", true),
                row("{\"IpAddressIfExists\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}", true),
                // ARN
                row("{\"ArnEquals\":{\"aws:SourceArn\":\"arn:aws:sns:us-east-1:123456789012:topic\"}}", true, "aws:SourceArn", "arn:aws:sns:us-east-1:123456789012:topic"),
                row("{\"ArnEquals\":{\"aws:SourceArn\":\"arn:aws:sns:us-east-1:123456789012:topic\"}}", false, "aws:SourceArn", "arn:aws:sns:us-east-1:123456789012:Topic"),
                row("{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:s3:::bucket-*\"}}", true, "aws:SourceArn", "arn:aws:s3:::bucket-logs"),
                row("{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:sns:*:123456789012:*\"}}", true, "aws:SourceArn", "arn:aws:sns:eu-west-1:123456789012:t"),
                row("{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:sns:*:123456789012:*\"}}", false, "aws:SourceArn", "arn:aws:sns:eu-west-1:999999999999:t"),
                row("{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:sns:us-*:123456789012:t\"}}", false, "aws:SourceArn", "arn:aws:sns:us-east-1:x:123456789012:t"),
                row("{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::123456789012:role/*\"}}", true, "aws:PrincipalArn", "arn:aws:iam::123456789012:role/path/admin"),
                row("{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:s3:::bucket-*\"}}", false, "aws:SourceArn", "not-an-arn"),
                row("{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:s3:::bucket-*\"}}", false),
                row("{\"ArnNotEquals\":{\"aws:SourceArn\":\"arn:aws:s3:::bucket\"}}", true, "aws:SourceArn", "arn:aws:s3:::other"),
                row("{\"ArnNotEquals\":{\"aws:SourceArn\":\"arn:aws:s3:::bucket\"}}", false, "aws:SourceArn", "arn:aws:s3:::bucket"),
                row("{\"ArnNotLike\":{\"aws:SourceArn\":\"arn:aws:s3:::b*\"}}", false, "aws:SourceArn", "arn:aws:s3:::bucket"),
                row("{\"ArnNotLike\":{\"aws:SourceArn\":\"arn:aws:s3:::b*\"}}", true),
                row("{\"ArnLikeIfExists\":{\"aws:SourceArn\":\"arn:aws:s3:::b*\"}}", true),
                // Null
                row("{\"Null\":{\"aws:TokenIssueTime\":\"true\"}}", true),
                row("{\"Null\":{\"aws:TokenIssueTime\":\"true\"}}", false, "aws:TokenIssueTime", "2024-01-01T00:00:00Z"),
                row("{\"Null\":{\"aws:TokenIssueTime\":false}}", true, "aws:TokenIssueTime", "2024-01-01T00:00:00Z"),
                row("{\"Null\":{\"aws:TokenIssueTime\":\"false\"}}", false),
                row("{\"Null\":{\"aws:TagKeys\":\"true\"}}", true, "aws:TagKeys", ""),
                // Set qualifiers on a multi-valued key
                row("{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\",\"cost\"]}}", true, "aws:TagKeys", "team|cost"),
                row("{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\",\"cost\"]}}", true, "aws:TagKeys", "team"),
                row("{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\",\"cost\"]}}", false, "aws:TagKeys", "team|owner"),
                row("{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\",\"cost\"]}}", true),
                row("{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\",\"cost\"]}}", true, "aws:TagKeys", ""),
                row("{\"ForAnyValue:StringEquals\":{\"aws:TagKeys\":[\"team\",\"cost\"]}}", true, "aws:TagKeys", "owner|cost"),
                row("{\"ForAnyValue:StringEquals\":{\"aws:TagKeys\":[\"team\",\"cost\"]}}", false, "aws:TagKeys", "owner|name"),
                row("{\"ForAnyValue:StringEquals\":{\"aws:TagKeys\":[\"team\",\"cost\"]}}", false),
                row("{\"ForAnyValue:StringLike\":{\"aws:TagKeys\":\"team*\"}}", true, "aws:TagKeys", "owner|team-x"),
                row("{\"ForAllValues:StringNotEquals\":{\"aws:TagKeys\":[\"secret\"]}}", true, "aws:TagKeys", "team|cost"),
                row("{\"ForAllValues:StringNotEquals\":{\"aws:TagKeys\":[\"secret\"]}}", false, "aws:TagKeys", "team|secret"),
                row("{\"ForAllValues:StringNotEquals\":{\"aws:TagKeys\":[\"secret\"]}}", true),
                row("{\"ForAnyValue:StringNotEquals\":{\"aws:TagKeys\":[\"secret\"]}}", true, "aws:TagKeys", "team|secret"),
                row("{\"ForAnyValue:StringNotEquals\":{\"aws:TagKeys\":[\"secret\"]}}", false, "aws:TagKeys", "secret"),
                row("{\"ForAnyValue:StringNotEquals\":{\"aws:TagKeys\":[\"secret\"]}}", false),
                row("{\"ForAnyValue:StringEqualsIfExists\":{\"aws:TagKeys\":[\"team\"]}}", true),
                row("{\"ForAllValues:NumericLessThan\":{\"ec2:Count\":\"5\"}}", false, "ec2:Count", "1|9"),
                row("{\"ForAnyValue:NumericLessThan\":{\"ec2:Count\":\"5\"}}", true, "ec2:Count", "1|9"),
                // Without a qualifier a multi-valued key is "any value matches"; negated means "none matches"
                row("{\"StringEquals\":{\"aws:TagKeys\":\"team\"}}", true, "aws:TagKeys", "cost|team"),
                row("{\"StringNotEquals\":{\"aws:TagKeys\":\"team\"}}", false, "aws:TagKeys", "cost|team"),
                // Several operators and keys are ANDed
                row("{\"StringEquals\":{\"aws:PrincipalTag/team\":\"data\",\"aws:RequestedRegion\":\"eu-west-1\"},"
                        + "\"Bool\":{\"aws:SecureTransport\":\"true\"}}", true,
                        "aws:PrincipalTag/team", "data", "aws:RequestedRegion", "eu-west-1", "aws:SecureTransport", "true"),
                row("{\"StringEquals\":{\"aws:PrincipalTag/team\":\"data\",\"aws:RequestedRegion\":\"eu-west-1\"},"
                        + "\"Bool\":{\"aws:SecureTransport\":\"true\"}}", false,
                        "aws:PrincipalTag/team", "data", "aws:RequestedRegion", "us-east-1", "aws:SecureTransport", "true"),
                // Variables in condition values
                row("{\"StringEquals\":{\"aws:ResourceTag/owner\":\"${aws:username}\"}}", true, "aws:ResourceTag/owner", "alice", "aws:username", "alice"),
                row("{\"StringEquals\":{\"aws:ResourceTag/owner\":\"${aws:username}\"}}", false, "aws:ResourceTag/owner", "bob", "aws:username", "alice"),
                row("{\"StringEquals\":{\"aws:ResourceTag/owner\":\"${aws:username}\"}}", false, "aws:ResourceTag/owner", "${aws:username}"),
                row("{\"StringLike\":{\"s3:prefix\":\"home/${aws:username}/*\"}}", true, "s3:prefix", "home/alice/a", "aws:username", "alice"),
                row("{\"StringEquals\":{\"aws:ResourceTag/team\":\"${aws:PrincipalTag/team}\"}}", true, "aws:ResourceTag/team", "data", "aws:PrincipalTag/team", "data"),
                row("{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:iam::123456789012:user/${aws:username}\"}}", true, "aws:SourceArn", "arn:aws:iam::123456789012:user/alice", "aws:username", "alice")
        );
    }

    private static Arguments row(String condition, boolean expected, String... keys) {
        return Arguments.of(condition, expected, keys);
    }

    @ParameterizedTest(name = "[{index}] {0} with {2} -> {1}")
    @MethodSource("cases")
    void evaluates(String condition, boolean expected, String[] keys) {
        PolicyDocument document = Policies.allowWithCondition(condition);
        var request = new AuthorizationRequest("s3:GetObject", "arn:aws:s3:::bucket/key", Policies.keys(keys));
        assertThat(Policies.allows(document, request)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void version2008LeavesVariablesAsText() {
        PolicyDocument document = PolicyDocument.parse("""
                {"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
                 "Condition":{"StringEquals":{"aws:ResourceTag/owner":"${aws:username}"}}}}""");
        assertThat(Policies.allows(document, new AuthorizationRequest("s3:GetObject", "*",
                Policies.keys("aws:ResourceTag/owner", "alice", "aws:username", "alice")))).isFalse();
        assertThat(Policies.allows(document, new AuthorizationRequest("s3:GetObject", "*",
                Policies.keys("aws:ResourceTag/owner", "${aws:username}")))).isTrue();
    }
}
