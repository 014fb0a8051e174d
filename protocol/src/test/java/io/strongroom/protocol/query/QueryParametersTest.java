package io.strongroom.protocol.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.strongroom.core.AwsException;
import io.strongroom.iam.identity.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    private static QueryParameters params(String... nameValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            map.put(nameValues[i], nameValues[i + 1]);
        }
        return QueryParameters.of(map);
    }

    private static void assertAwsError(ThrowingCallable call, String code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void missingRequiredStringIsIamValidationError() {
        assertAwsError(() -> params("Action", "GetGroup").requiredString("GroupName"), "ValidationError",
                "1 validation error detected: Value null at 'groupName' failed to satisfy constraint: "
                        + "Member must not be null");
    }

    @Test
    void readsScalars() {
        QueryParameters p = params("MaxItems", "25", "OnlyAttached", "TRUE", "SetAsDefault", "false",
                "At", "2026-01-01T00:00:00Z", "Name", "");
        assertThat(p.integer("MaxItems")).contains(25);
        assertThat(p.bool("OnlyAttached")).contains(true);
        assertThat(p.bool("SetAsDefault")).contains(false);
        assertThat(p.timestamp("At")).contains(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(p.string("Name")).contains("");
        assertThat(p.integer("Absent")).isEmpty();
    }

    @Test
    void badIntegerIsValidationError() {
        assertAwsError(() -> params("MaxItems", "ten").integer("MaxItems"), "ValidationError",
                "1 validation error detected: Value 'ten' at 'maxItems' failed to satisfy constraint: "
                        + "Member must be an integer");
        assertAwsError(() -> params("MaxItems", "99999999999").integer("MaxItems"), "ValidationError",
                "1 validation error detected: Value '99999999999' at 'maxItems' failed to satisfy constraint: "
                        + "Member must be an integer");
    }

    @Test
    void badBooleanAndTimestampAreValidationErrors() {
        assertThatThrownBy(() -> params("OnlyAttached", "yes").bool("OnlyAttached"))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> params("At", "yesterday").timestamp("At"))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ValidationError"));
    }

    @Test
    void echoedValuesAreShortened() {
        String huge = "x".repeat(5000);
        assertThatThrownBy(() -> params("MaxItems", huge).integer("MaxItems"))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    }

    @Test
    void readsStringListsInIndexOrder() {
        QueryParameters p = params("TagKeys.member.2", "b", "TagKeys.member.10", "j", "TagKeys.member.1", "a",
                "TagKeys.member.3", "c", "TagKeys.member.4", "d", "TagKeys.member.5", "e", "TagKeys.member.6", "f",
                "TagKeys.member.7", "g", "TagKeys.member.8", "h", "TagKeys.member.9", "i");
        assertThat(p.stringList("TagKeys")).containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
    }

    @Test
    void emptyListSentAsBareNameIsPresentAndEmpty() {
        QueryParameters p = params("TagKeys", "");
        assertThat(p.requiredStringList("TagKeys")).isEmpty();
        assertAwsError(() -> params().requiredStringList("TagKeys"), "ValidationError",
                "1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: "
                        + "Member must not be null");
    }

    @Test
    void listWithGapOrBadIndexIsRefused() {
        assertThatThrownBy(() -> params("TagKeys.member.1", "a", "TagKeys.member.3", "c").stringList("TagKeys"))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> params("TagKeys.member.0", "a").stringList("TagKeys"))
                .isInstanceOf(AwsException.class);
        assertThatThrownBy(() -> params("TagKeys.member.1", "a", "TagKeys.member.01", "b").stringList("TagKeys"))
                .isInstanceOf(AwsException.class);
        assertThatThrownBy(() -> params("TagKeys.member.x", "a").stringList("TagKeys"))
                .isInstanceOf(AwsException.class);
    }

    @Test
    void readsStructureListsAndNamesNestedMissingMembers() {
        QueryParameters p = params("Tags.member.1.Key", "team", "Tags.member.1.Value", "risk",
                "Tags.member.2.Key", "env", "Tags.member.2.Value", "");
        assertThat(CommonParameters.tags(p, "Tags")).containsExactly(new Tag("team", "risk"), new Tag("env", ""));

        QueryParameters missingValue = params("Tags.member.1.Key", "team");
        assertAwsError(() -> CommonParameters.tags(missingValue, "Tags"), "ValidationError",
                "1 validation error detected: Value null at 'tags.1.value' failed to satisfy constraint: "
                        + "Member must not be null");
    }

    @Test
    void readsMaps() {
        QueryParameters p = params("Ctx.entry.1.key", "k1", "Ctx.entry.1.value", "v1",
                "Ctx.entry.2.key", "k2", "Ctx.entry.2.value", "v2");
        assertThat(p.map("Ctx", "key", "value")).containsExactly(entry("k1", "v1"), entry("k2", "v2"));
    }

    @Test
    void aParameterGivenTwiceIsRefused() {
        assertThatThrownBy(() -> QueryParameters.of(List.of(Map.entry("UserName", "a"), Map.entry("UserName", "b"))))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidQueryParameter");
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
    }

    @Test
    void pageChecksMaxItemsRange() {
        assertThat(CommonParameters.page(params("Marker", "m", "MaxItems", "1000")).maxItems()).contains(1000);
        assertAwsError(() -> CommonParameters.page(params("MaxItems", "0")), "ValidationError",
                "1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
        assertAwsError(() -> CommonParameters.page(params("MaxItems", "1001")), "ValidationError",
                "1 validation error detected: Value '1001' at 'maxItems' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 1000");
    }

    @Test
    void unsupportedParametersAreRefusedNotIgnored() {
        assertThatThrownBy(() -> CommonParameters.rejectUnsupported(
                params("PolicyArns.member.1.arn", "arn:aws:iam::aws:policy/ReadOnlyAccess"), "PolicyArns"))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ValidationError"));
        CommonParameters.rejectUnsupported(params("PolicyArnsX", "1"), "PolicyArns");
    }
}
