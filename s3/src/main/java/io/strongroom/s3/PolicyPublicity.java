package io.strongroom.s3;

import io.strongroom.policy.PolicyDocument;
import io.strongroom.policy.PolicyOutline;
import io.strongroom.policy.PolicyOutline.ConditionOutline;
import io.strongroom.policy.PolicyOutline.StatementOutline;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a bucket policy is public, as S3 defines it ("The meaning of public" in the S3 User Guide):
 * a policy is public when any of its Allow statements is. S3 starts from public and looks for a reason
 * not to be: a statement is non-public when it grants only to fixed principals (no {@code "*"}, no
 * {@code {"AWS": "*"}}), or when one of its conditions pins a key that names who or where the caller is
 * to fixed values: values without a wildcard ({@code *}, {@code ?}) or a policy variable.
 *
 * <p>Readings where the documentation leaves room, each on the safe side:
 * <ul>
 *   <li>An Allow with NotPrincipal grants to everyone it does not list: public.
 *   <li>Only a positive operator restricts ({@code StringEquals}, {@code StringLike}, {@code ArnEquals},
 *       {@code ArnLike}, their {@code ForAnyValue:} forms, and {@code IpAddress} for {@code aws:SourceIp}).
 *       A negated operator, an {@code …IfExists} operator and {@code ForAllValues:} all hold when the key
 *       is absent, so they restrict nothing.
 *   <li>{@code aws:SourceIp} restricts when every CIDR is at most as wide as a /8 (IPv4) or a /32 (IPv6):
 *       a wider range is treated as a large part of the internet, so public.
 * </ul>
 */
public final class PolicyPublicity {
    /** Keys whose fixed values restrict a statement to known callers (lower-case, as keys compare). */
    static final Set<String> FIXED_VALUE_KEYS = Set.of("aws:sourcearn", "aws:sourcevpc", "aws:sourcevpce",
            "aws:sourceowner", "aws:sourceaccount", "aws:sourceorgid", "aws:sourceorgpaths", "aws:userid",
            "aws:principalarn", "aws:principalaccount", "aws:principalorgid", "aws:principalorgpaths",
            "aws:principalservicename", "s3:dataaccesspointarn", "s3:dataaccesspointaccount",
            "s3:x-amz-server-side-encryption-aws-kms-key-id");
    private static final Set<String> RESTRICTING_OPERATORS = Set.of("stringequals", "stringequalsignorecase",
            "stringlike", "arnequals", "arnlike");
    private static final int WIDEST_IPV4_PREFIX = 8;
    private static final int WIDEST_IPV6_PREFIX = 32;

    private PolicyPublicity() {
    }

    public static boolean isPublic(PolicyDocument policy) {
        for (StatementOutline statement : PolicyOutline.of(policy)) {
            if (statement.allow() && isPublic(statement)) {
                return true;
            }
        }
        return false;
    }

    static boolean isPublic(StatementOutline statement) {
        if (statement.notPrincipal()) {
            return true;
        }
        if (!statement.everyone()) {
            return false;
        }
        for (ConditionOutline condition : statement.conditions()) {
            if (restricts(condition)) {
                return false;
            }
        }
        return true;
    }

    private static boolean restricts(ConditionOutline condition) {
        String operator = condition.operator().toLowerCase(Locale.ROOT);
        if (operator.startsWith("forallvalues:") || operator.endsWith("ifexists")) {
            return false;
        }
        if (operator.startsWith("foranyvalue:")) {
            operator = operator.substring("foranyvalue:".length());
        }
        String key = condition.key().toLowerCase(Locale.ROOT);
        List<String> values = condition.values();
        if (values.isEmpty()) {
            return false;
        }
        if (key.equals("aws:sourceip")) {
            return operator.equals("ipaddress") && values.stream().allMatch(PolicyPublicity::narrowCidr);
        }
        return RESTRICTING_OPERATORS.contains(operator) && FIXED_VALUE_KEYS.contains(key)
                && values.stream().allMatch(PolicyPublicity::fixed);
    }

    private static boolean fixed(String value) {
        return !value.isEmpty() && value.indexOf('*') < 0 && value.indexOf('?') < 0 && !value.contains("${");
    }

    /** Whether a CIDR (or single address) is narrow enough not to stand for the public internet. */
    static boolean narrowCidr(String cidr) {
        boolean ipv6 = cidr.indexOf(':') >= 0;
        int slash = cidr.indexOf('/');
        int prefix = ipv6 ? 128 : 32;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(cidr.substring(slash + 1).strip());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return prefix >= (ipv6 ? WIDEST_IPV6_PREFIX : WIDEST_IPV4_PREFIX);
    }
}
