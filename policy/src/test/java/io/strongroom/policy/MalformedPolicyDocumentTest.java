package io.strongroom.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per grammar fault: the document, the kind it is parsed as and the start of IAM's message. */
class MalformedPolicyDocumentTest {
    private static final String OK_STATEMENT = "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}";

    static Stream<Arguments> faults() {
        return Stream.of(
                identity("not json", "Syntax errors in policy. The document is not valid JSON"),
                identity("{\"Version\":\"2012-10-17\",\"Statement\":[" + OK_STATEMENT + "]", "Syntax errors in policy. The document is not valid JSON"),
                identity("{\"Statement\":" + OK_STATEMENT + "} trailing", "Syntax errors in policy. The document is not valid JSON"),
                identity("[]", "Syntax errors in policy. The policy document must be a JSON object."),
                identity("   ", "Syntax errors in policy. The policy document is empty."),
                identity("{\"Version\":\"2012-10-17\",\"Version\":\"2012-10-17\",\"Statement\":" + OK_STATEMENT + "}", "Syntax errors in policy. The document is not valid JSON"),
                identity("{\"Version\":\"2012-10-17\",\"Statment\":" + OK_STATEMENT + "}", "Syntax errors in policy. Unknown element Statment at the top level"),
                identity("{\"Version\":\"2012-10-18\",\"Statement\":" + OK_STATEMENT + "}", "The policy failed legacy parsing"),
                identity("{\"Version\":20121017,\"Statement\":" + OK_STATEMENT + "}", "The policy failed legacy parsing"),
                identity("{\"Version\":\"2012-10-17\",\"Id\":5,\"Statement\":" + OK_STATEMENT + "}", "Syntax errors in policy. Id must be a string."),
                identity("{\"Version\":\"2012-10-17\"}", "Syntax errors in policy. The policy must contain a Statement element."),
                identity("{\"Version\":\"2012-10-17\",\"Statement\":[]}", "Syntax errors in policy. Statement must contain at least one statement."),
                identity("{\"Version\":\"2012-10-17\",\"Statement\":\"x\"}", "Syntax errors in policy. Statement must be an object or an array"),
                identity("{\"Version\":\"2012-10-17\",\"Statement\":[5]}", "Syntax errors in policy. Each statement must be an object; statement 1 is not."),
                statement("\"Action\":\"s3:GetObject\",\"Resource\":\"*\"", "Missing required field Effect in statement 1."),
                statement("\"Effect\":\"Allows\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"", "Invalid effect: Allows."),
                statement("\"Effect\":true,\"Action\":\"s3:GetObject\",\"Resource\":\"*\"", "Syntax errors in policy. Effect in statement 1 must be a string."),
                statement("\"Effect\":\"Allow\",\"Resource\":\"*\"", "Policy statement must contain actions."),
                statement("\"Effect\":\"Allow\",\"Action\":[],\"Resource\":\"*\"", "Policy statement must contain actions."),
                statement("\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\"", "Policy statement must contain resources."),
                statement("\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":[]", "Policy statement must contain resources."),
                statement("\"Effect\":\"Allow\",\"Action\":\"s3:Get\",\"NotAction\":\"s3:Put\",\"Resource\":\"*\"", "Syntax errors in policy. statement 1 must not contain both Action and NotAction."),
                statement("\"Effect\":\"Allow\",\"Action\":\"s3:Get\",\"Resource\":\"*\",\"NotResource\":\"*\"", "Syntax errors in policy. statement 1 must not contain both Resource and NotResource."),
                statement("\"Effect\":\"Allow\",\"Action\":{\"a\":1},\"Resource\":\"*\"", "Syntax errors in policy. Action in statement 1 must be a string or an array of strings."),
                statement("\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",7],\"Resource\":\"*\"", "Syntax errors in policy. Action in statement 1 must be a string or an array of strings."),
                statement("\"Effect\":\"Allow\",\"Action\":\"GetObject\",\"Resource\":\"*\"", "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
                statement("\"Effect\":\"Allow\",\"Action\":\"s3:s3:GetObject\",\"Resource\":\"*\"", "Actions/Condition can contain only one colon."),
                statement("\"Effect\":\"Allow\",\"Action\":\"s*:GetObject\",\"Resource\":\"*\"", "Vendor s* is not valid"),
                statement("\"Effect\":\"Allow\",\"Action\":\"s3:\",\"Resource\":\"*\"", "Action s3: is not valid"),
                statement("\"Effect\":\"Allow\",\"Action\":\"s3:Get Object\",\"Resource\":\"*\"", "Action s3:Get Object is not valid"),
                statement("\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"bucket/*\"", "Resource bucket/* must be in ARN format or \"*\"."),
                statement("\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:bucket\"", "Resource arn:aws:s3:bucket must be in ARN format"),
                statement("\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:*:::bucket\"", "Resource vendor must be fully qualified and cannot contain regexes."),
                statement("\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Principal\":\"*\"", "Policy document should not specify a principal."),
                statement("\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"NotPrincipal\":{\"AWS\":\"123456789012\"}", "Policy document should not specify a principal."),
                statement("\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Actions\":\"x\"", "Syntax errors in policy. Unknown element Actions in statement 1."),
                statement("\"Sid\":\"has space\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"", "Statement IDs (SID) must be alpha-numeric."),
                statement("\"Sid\":1,\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"", "Syntax errors in policy. Sid in statement 1 must be a string."),
                identity("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"*\"},"
                        + "{\"Sid\":\"A\",\"Effect\":\"Deny\",\"Action\":\"s3:Put*\",\"Resource\":\"*\"}]}", "Statement IDs (SID) in a single policy must be unique."),
                condition("{\"StringEqualz\":{\"aws:username\":\"a\"}}", "Invalid Condition type : StringEqualz"),
                condition("{\"stringequals\":{\"aws:username\":\"a\"}}", "Invalid Condition type : stringequals"),
                condition("{\"NullIfExists\":{\"aws:username\":\"true\"}}", "Invalid Condition type : NullIfExists"),
                condition("{\"ForAllValues:Null\":{\"aws:username\":\"true\"}}", "Invalid Condition type : ForAllValues:Null"),
                condition("{\"ForSomeValues:StringEquals\":{\"aws:username\":\"a\"}}", "Invalid Condition type : ForSomeValues:StringEquals"),
                condition("{\"StringEquals\":{\"username\":\"a\"}}", "Condition key username must be prefaced by a vendor"),
                condition("{\"StringEquals\":\"aws:username\"}", "Syntax errors in policy. Condition operator StringEquals in statement 1 must map condition keys to values."),
                condition("{\"StringEquals\":{}}", "Syntax errors in policy. Condition operator StringEquals in statement 1 must map condition keys to values."),
                condition("[\"StringEquals\"]", "Syntax errors in policy. Condition in statement 1 must be an object of operators."),
                condition("{\"StringEquals\":{\"aws:username\":{\"a\":1}}}", "Syntax errors in policy. Condition StringEquals on aws:username in statement 1 must have string, number or boolean values."),
                condition("{\"StringEquals\":{\"aws:username\":null}}", "Syntax errors in policy. Condition StringEquals on aws:username"),
                condition("{\"StringEquals\":{\"aws:username\":[]}}", "Syntax errors in policy. Condition StringEquals on aws:username in statement 1 has an empty list of values."),
                condition("{\"NumericLessThan\":{\"s3:max-keys\":\"ten\"}}", "Invalid value ten for condition NumericLessThan on key s3:max-keys: expected a number."),
                condition("{\"DateLessThan\":{\"aws:CurrentTime\":\"tomorrow\"}}", "Invalid value tomorrow for condition DateLessThan on key aws:CurrentTime"),
                condition("{\"Bool\":{\"aws:SecureTransport\":\"yes\"}}", "Invalid value yes for condition Bool on key aws:SecureTransport: expected true or false."),
                condition("{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/33\"}}", "Invalid value 10.0.0.0/33 for condition IpAddress on key aws:SourceIp"),
                condition("{\"IpAddress\":{\"aws:SourceIp\":\"example.com\"}}", "Invalid value example.com for condition IpAddress"),
                condition("{\"BinaryEquals\":{\"s3:x\":\"***\"}}", "Invalid value *** for condition BinaryEquals on key s3:x: expected base64."),
                condition("{\"Null\":{\"aws:username\":\"maybe\"}}", "Invalid value maybe for condition Null on key aws:username"),
                trust("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}}", "Missing required field Principal in statement 1."),
                trust("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"123456789012\"},\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}}", "Has prohibited field Resource"),
                trust("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"alice\"},\"Action\":\"sts:AssumeRole\"}}", "Invalid principal in policy: \"AWS\":\"alice\""),
                trust("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:user/*\"},\"Action\":\"sts:AssumeRole\"}}", "Invalid principal in policy: \"AWS\":\"arn:aws:iam::123456789012:user/*\""),
                trust("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"*.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}}", "Invalid principal in policy: \"Service\":\"*.amazonaws.com\""),
                trust("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"Users\":\"x\"},\"Action\":\"sts:AssumeRole\"}}", "Invalid principal in policy: \"Users\":\"x\""),
                trust("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"alice\",\"Action\":\"sts:AssumeRole\"}}", "Invalid principal in policy: alice"),
                trust("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{},\"Action\":\"sts:AssumeRole\"}}", "Syntax errors in policy. Principal in statement 1 must be"),
                trust("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":5},\"Action\":\"sts:AssumeRole\"}}", "Syntax errors in policy. Principal.AWS in statement 1 must be a string"),
                Arguments.of("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\"}}",
                        PolicyKind.RESOURCE, "Policy statement must contain resources.")
        );
    }

    private static Arguments identity(String json, String message) {
        return Arguments.of(json, PolicyKind.IDENTITY, message);
    }

    private static Arguments statement(String body, String message) {
        return identity("{\"Version\":\"2012-10-17\",\"Statement\":[{" + body + "}]}", message);
    }

    private static Arguments condition(String block, String message) {
        return statement("\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":" + block, message);
    }

    private static Arguments trust(String json, String message) {
        return Arguments.of(json, PolicyKind.TRUST, message);
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @MethodSource("faults")
    void rejectsWithMalformedPolicyDocument(String json, PolicyKind kind, String messageStart) {
        assertThatThrownBy(() -> PolicyDocument.parse(json, kind))
                .isInstanceOfSatisfying(MalformedPolicyDocumentException.class, e -> {
                    assertThat(e.code()).isEqualTo("MalformedPolicyDocument");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith(messageStart);
                });
    }

    @Test
    void oversizeDocumentsAreRejectedBeforeParsing() {
        String padding = " ".repeat(PolicyDocument.MAX_LENGTH);
        String json = "{\"Version\":\"2012-10-17\",\"Statement\":" + OK_STATEMENT + padding + "}";
        assertThatThrownBy(() -> PolicyDocument.parse(json))
                .isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessageContaining("the maximum is 131072");
    }

    @Test
    void managedPoliciesMustDeclareVersion2012() {
        String noVersion = "{\"Statement\":" + OK_STATEMENT + "}";
        assertThat(PolicyDocument.parse(noVersion).version()).isEqualTo(PolicyVersion.V2008_10_17);
        assertThatThrownBy(() -> PolicyDocument.parseManaged(noVersion))
                .isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessage("Policy document must be version 2012-10-17 or greater.");
        assertThatThrownBy(() -> PolicyDocument.parseManaged("{\"Version\":\"2008-10-17\",\"Statement\":" + OK_STATEMENT + "}"))
                .hasMessage("Policy document must be version 2012-10-17 or greater.");
        assertThat(PolicyDocument.parseManaged("{\"Version\":\"2012-10-17\",\"Statement\":" + OK_STATEMENT + "}").version())
                .isEqualTo(PolicyVersion.V2012_10_17);
    }

    @Test
    void malformedJsonMessagesDoNotEchoTheDocument() {
        assertThatThrownBy(() -> PolicyDocument.parse("{\"Version\": \"secret-looking-text"))
                .isInstanceOf(MalformedPolicyDocumentException.class)
                .message().doesNotContain("secret-looking-text");
    }

    @Test
    void wellFormedDocumentsExposeTheirShape() {
        PolicyDocument document = PolicyDocument.parse("""
                {"Version":"2012-10-17","Id":"doc1","Statement":[
                  {"Sid":"Read","Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"]},
                  {"Effect":"Deny","NotAction":"s3:*","NotResource":"arn:aws:s3:::b/*",
                   "Condition":{"NumericLessThan":{"s3:max-keys":10.5},"Bool":{"aws:SecureTransport":false}}}]}""");
        assertThat(document.statementCount()).isEqualTo(2);
        assertThat(document.id()).contains("doc1");
        assertThat(document.kind()).isEqualTo(PolicyKind.IDENTITY);
        assertThat(document.json()).contains("\"Sid\":\"Read\"");
        PolicyDocument trust = PolicyDocument.parse("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":["123456789012",
                "arn:aws:iam::123456789012:role/r"],"Service":"ec2.amazonaws.com","Federated":"cognito-identity.amazonaws.com",
                "CanonicalUser":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"},"Action":"sts:AssumeRole"}}""",
                PolicyKind.TRUST);
        assertThat(trust.kind()).isEqualTo(PolicyKind.TRUST);
    }
}
