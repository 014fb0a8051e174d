package io.strongroom.protocol.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditValuesTest {

    @Test
    void queryParametersBecomeANestedTreeWithLowerCaseNames() {
        Map<String, String> flat = new LinkedHashMap<>();
        flat.put("UserName", "alice");
        flat.put("Tags.member.2.Key", "team");
        flat.put("Tags.member.2.Value", "risk");
        flat.put("Tags.member.1.Key", "env");
        flat.put("Tags.member.1.Value", "prod");
        flat.put("PolicyArns.member.1", "arn:aws:iam::aws:policy/ReadOnlyAccess");

        assertThat(AuditValues.fromQueryParameters(flat)).isEqualTo(Map.of(
                "userName", "alice",
                "tags", List.of(Map.of("key", "env", "value", "prod"), Map.of("key", "team", "value", "risk")),
                "policyArns", List.of("arn:aws:iam::aws:policy/ReadOnlyAccess")));
        assertThat(AuditValues.fromQueryParameters(Map.of())).isNull();
    }

    @Test
    void aNameUsedAsValueAndAsListKeepsTheFirstAndDoesNotFail() {
        Map<String, String> flat = new LinkedHashMap<>();
        flat.put("Tags", "plain");
        flat.put("Tags.member.1.Key", "k");
        assertThat(AuditValues.fromQueryParameters(flat)).isEqualTo(Map.of("tags", "plain"));
    }

    @Test
    void theQueryResultElementBecomesTheResponseElements() {
        String xml = """
                <CreateUserResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <CreateUserResult><User><Path>/</Path><UserName>alice</UserName>
                    <Tags><member><Key>env</Key><Value>prod</Value></member></Tags></User></CreateUserResult>
                  <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
                </CreateUserResponse>""";
        assertThat(AuditValues.fromQueryXmlResult(xml.getBytes(StandardCharsets.UTF_8))).isEqualTo(Map.of(
                "user", Map.of("path", "/", "userName", "alice",
                        "tags", List.of(Map.of("key", "env", "value", "prod")))));
    }

    @Test
    void aResponseWithoutResultOrNotXmlHasNoElements() {
        String xml = "<DeleteUserResponse><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
                + "</DeleteUserResponse>";
        assertThat(AuditValues.fromQueryXmlResult(xml.getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(AuditValues.fromQueryXmlResult("not xml".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void entitiesAndDoctypesAreNotExpanded() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<R><XResult><A>&x;</A></XResult></R>";
        Map<String, Object> result = AuditValues.fromQueryXmlResult(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(String.valueOf(result)).doesNotContain("root:");
    }

    @Test
    void jsonBodiesKeepTypesAndLowerTheFirstLetter() {
        String json = "{\"Name\":\"Audit\",\"MaxResults\":5,\"Flag\":true,\"Nested\":{\"Items\":[{\"Key\":\"k\"}]},"
                + "\"Timestamp\":1700000000.25,\"Huge\":123456789012345678901234567890,\"Nothing\":null}";
        Map<String, Object> tree = AuditValues.fromJsonObject(json.getBytes(StandardCharsets.UTF_8));
        assertThat(tree).containsEntry("name", "Audit").containsEntry("maxResults", 5L).containsEntry("flag", true)
                .containsEntry("nested", Map.of("items", List.of(Map.of("key", "k"))))
                .containsEntry("timestamp", "1.70000000025E9")
                .containsEntry("huge", "123456789012345678901234567890")
                .containsEntry("nothing", null);
        assertThat(AuditValues.fromJsonObject("{\"Whole\":2.0,\"Big\":9007199254740993,\"Far\":1e17}"
                .getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Map.of("whole", 2L, "big", "9007199254740993", "far", "1.0E17"));
        assertThat(AuditValues.fromJsonObject(new byte[0])).isNull();
        assertThat(AuditValues.fromJsonObject("  ".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(AuditValues.fromJsonObject("{}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(AuditValues.fromJsonObject("[1]".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(AuditValues.fromJsonObject("{bad".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void deepNestingIsSummarisedNotRecordedWhole() {
        String json = "{\"a\":".repeat(50) + "1" + "}".repeat(50);
        String text = String.valueOf(AuditValues.fromJsonObject(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(text).contains(AuditValues.TOO_DEEP);
    }
}
