package io.strongroom.iam.simulation;

import static io.strongroom.iam.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ContextEntries become condition keys only when complete and of their declared type. */
class ContextKeyValuesTest {

    @Test
    void acceptsEveryTypeInTheFormsTheOperatorsRead() {
        var keys = ContextKeyValues.of(List.of(
                ContextEntry.of("aws:username", "string", "alice"),
                ContextEntry.of("aws:TagKeys", "stringList", "team", "cost"),
                ContextEntry.of("s3:max-keys", "numeric", "-12.5"),
                ContextEntry.of("ec2:counts", "numericList", "1", "+2", ".5"),
                ContextEntry.of("aws:SecureTransport", "boolean", "TRUE"),
                ContextEntry.of("aws:flags", "booleanList", "true", "false"),
                ContextEntry.of("aws:SourceIp", "ip", "203.0.113.7"),
                ContextEntry.of("aws:SourceIps", "ipList", "2001:db8::1", "::ffff:10.0.0.1"),
                ContextEntry.of("kms:blob", "binary", "QmluYXJ5"),
                ContextEntry.of("kms:blobs", "binaryList", "", "AAE="),
                ContextEntry.of("aws:CurrentTime", "date", "2018-04-25T11:00:00Z"),
                ContextEntry.of("aws:EpochTimes", "dateList", "1700000000", "2020-01-01", "2020-01-01T10:00:00",
                        "2020-01-01T10:00:00+02:00")));
        assertThat(keys).containsEntry("aws:TagKeys", List.of("team", "cost"))
                .containsEntry("aws:SourceIp", List.of("203.0.113.7")).hasSize(12);
    }

    @Test
    void refusesValuesThatDoNotReadAsTheirType() {
        for (ContextEntry entry : List.of(
                ContextEntry.of("s3:max-keys", "numeric", "12a"),
                ContextEntry.of("s3:max-keys", "numeric", "1e5"),
                ContextEntry.of("aws:SecureTransport", "boolean", "yes"),
                ContextEntry.of("aws:SourceIp", "ip", "example.com"),
                ContextEntry.of("aws:SourceIp", "ip", "256.1.1.1"),
                ContextEntry.of("aws:SourceIp", "ip", "10.0.0.0/8"),
                ContextEntry.of("aws:SourceIp", "ip", ".:1"),
                ContextEntry.of("aws:SourceIp", "ip", "1:2"),
                ContextEntry.of("kms:blob", "binary", "not base64!"),
                ContextEntry.of("aws:CurrentTime", "date", "yesterday"),
                ContextEntry.of("aws:CurrentTimes", "dateList", "2020-01-01", "2020-13-01"))) {
            assertAwsError(() -> ContextKeyValues.of(List.of(entry)), "InvalidInput", 400)
                    .hasMessageContaining("is not of type");
        }
    }

    @Test
    void refusesIncompleteEntriesSeveralValuesForAScalarAndAKeyGivenTwice() {
        assertAwsError(() -> ContextKeyValues.of(List.of(new ContextEntry(Optional.empty(), List.of("x"),
                Optional.of("string")))), "InvalidInput", 400).hasMessageContaining("ContextKeyName");
        assertAwsError(() -> ContextKeyValues.of(List.of(new ContextEntry(Optional.of("aws:username"), List.of("x"),
                Optional.empty()))), "InvalidInput", 400).hasMessageContaining("ContextKeyType");
        assertAwsError(() -> ContextKeyValues.of(List.of(ContextEntry.of("aws:username", "string"))),
                "InvalidInput", 400).hasMessageContaining("ContextKeyValues");
        assertAwsError(() -> ContextKeyValues.of(List.of(ContextEntry.of("aws:username", "string", "a", "b"))),
                "InvalidInput", 400).hasMessageContaining("takes one value");
        assertAwsError(() -> ContextKeyValues.of(List.of(ContextEntry.of("aws:username", "string", "a"),
                ContextEntry.of("AWS:UserName", "string", "b"))), "InvalidInput", 400)
                .hasMessageContaining("more than once");
    }

    @Test
    void theModelsConstraintsAreValidationErrors() {
        assertAwsError(() -> ContextKeyValues.checkShape(List.of(ContextEntry.of("aws:x", "string", "v"),
                ContextEntry.of("abcd", "string", "v"))), "ValidationError", 400)
                .hasMessageContaining("'contextEntries.2.member.contextKeyName'")
                .hasMessageContaining("greater than or equal to 5");
        assertAwsError(() -> ContextKeyValues.checkShape(List.of(ContextEntry.of("aws:username", "text", "v"))),
                "ValidationError", 400).hasMessageContaining("Member must satisfy enum value set: [string, stringList,");
    }
}
