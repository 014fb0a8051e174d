package io.strongroom.protocol.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.core.AwsException;
import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.Account;
import io.strongroom.iam.identity.IdentityService;
import io.strongroom.iam.identity.Organization;
import io.strongroom.iam.simulation.PolicySimulator;
import io.strongroom.iam.testing.AesGcmRootKeyProvider;
import io.strongroom.iam.testing.InMemoryIdentityRepository;
import io.strongroom.iam.testing.InMemoryTransactor;
import io.strongroom.policy.PolicyEvaluator;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.support.BotocoreModel;
import io.strongroom.protocol.support.Requests;
import io.strongroom.protocol.support.Xml;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** SimulatePrincipalPolicy and SimulateCustomPolicy over the Query protocol, as the server calls them. */
class SimulationActionsTest {
    private static final String V = "2010-05-08";
    private static final String ACCOUNT = Requests.ACCOUNT;
    private static final String ALICE = "arn:aws:iam::" + ACCOUNT + ":user/alice";
    private static final String READ_REPORTS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Reports\","
            + "\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::reports/*\"},{\"Effect\":"
            + "\"Deny\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"*\"},{\"Effect\":\"Allow\",\"Action\":"
            + "\"dynamodb:*\",\"Resource\":\"*\",\"Condition\":{\"DateGreaterThan\":{\"aws:CurrentTime\":"
            + "\"2018-08-16T12:00:00Z\"}}}]}";
    private static final String BOUNDARY = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:*\",\"dynamodb:*\"],\"Resource\":\"*\"}}";

    private final InMemoryIdentityRepository repository = new InMemoryIdentityRepository();
    private final IdentityService identities;
    private final IamQueryHandler iam;

    SimulationActionsTest() {
        Clock clock = Clock.systemUTC();
        repository.insertOrganization(new Organization("o-test000001", "arn:aws:organizations::" + ACCOUNT
                + ":organization/o-test000001", ACCOUNT, clock.instant()));
        repository.insertAccount(new Account(ACCOUNT, "test", "test@example.com", "o-test000001", clock.instant()));
        InMemoryTransactor transactor = new InMemoryTransactor(repository);
        PolicyEvaluator evaluator = new PolicyEvaluator();
        AccessAuthorizer authorizer = new AccessAuthorizer(repository, evaluator, clock, Duration.ZERO);
        identities = new IdentityService(repository, transactor, new AesGcmRootKeyProvider(), authorizer, clock,
                List.of(authorizer));
        iam = new IamQueryHandler(identities, new PolicySimulator(repository, transactor, authorizer, evaluator));
    }

    private ApiResponse send(IamQueryHandler handler, String action, String... nameValues) {
        ApiRequest request = Requests.post(action, V, nameValues);
        try {
            return handler.handle(request, Requests.rootCall());
        } catch (AwsException e) {
            return handler.renderError(request, e);
        }
    }

    private ApiResponse send(String action, String... nameValues) {
        return send(iam, action, nameValues);
    }

    private ApiResponse ok(String action, String... nameValues) {
        ApiResponse response = send(action, nameValues);
        assertThat(response.status()).as(body(response)).isEqualTo(200);
        return response;
    }

    private static void assertError(ApiResponse response, int status, String code) {
        assertThat(response.status()).as(body(response)).isEqualTo(status);
        assertThat(Xml.text(response, "/ErrorResponse/Error/Code")).isEqualTo(code);
    }

    private static String body(ApiResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** alice with an inline policy, a customer-managed permissions boundary and a group. */
    private void alice() {
        CallContext root = Requests.rootCall();
        identities.createUser(root, "alice", Optional.empty(), Optional.empty(), List.of());
        identities.putUserPolicy(root, "alice", "reports", READ_REPORTS);
        String boundary = identities.createPolicy(root, "S3AndDynamo", BOUNDARY, Optional.empty(), Optional.empty())
                .policy().arn();
        identities.putUserPermissionsBoundary(root, "alice", boundary);
    }

    @Test
    void simulatesAUsersPoliciesWithContextEntriesResourcesAndStatementPositions() {
        alice();
        String prefix = "/SimulatePrincipalPolicyResponse/SimulatePrincipalPolicyResult/EvaluationResults/member";
        Document result = Xml.parse(ok("SimulatePrincipalPolicy", "PolicySourceArn", ALICE,
                "ActionNames.member.1", "dynamodb:CreateBackup",
                "ActionNames.member.2", "s3:GetObject",
                "ResourceArns.member.1", "arn:aws:s3:::reports/q1.csv",
                "ResourceArns.member.2", "arn:aws:s3:::other/x",
                "ContextEntries.member.1.ContextKeyName", "aws:CurrentTime",
                "ContextEntries.member.1.ContextKeyValues.member.1", "2019-04-25T11:00:00Z",
                "ContextEntries.member.1.ContextKeyType", "date"));
        assertThat(count(result, prefix)).isEqualTo(2);
        String backup = prefix + "[1]/";
        assertThat(text(result, backup + "EvalActionName")).isEqualTo("dynamodb:CreateBackup");
        assertThat(text(result, backup + "EvalResourceName")).isEqualTo("*");
        assertThat(text(result, backup + "EvalDecision")).isEqualTo("allowed");
        assertThat(text(result, backup + "MatchedStatements/member/SourcePolicyId")).isEqualTo("reports");
        assertThat(text(result, backup + "MatchedStatements/member/SourcePolicyType")).isEqualTo("user");
        assertThat(text(result, backup + "MatchedStatements/member/StartPosition/Line")).isEqualTo("1");
        assertThat(text(result, backup + "MatchedStatements/member/StartPosition/Column")).isEqualTo("194");
        assertThat(text(result, backup + "PermissionsBoundaryDecisionDetail/AllowedByPermissionsBoundary"))
                .isEqualTo("true");
        assertThat(count(result, backup + "ResourceSpecificResults/member")).isEqualTo(2);

        String read = prefix + "[2]/";
        assertThat(text(result, read + "EvalDecision")).isEqualTo("implicitDeny"); // the strictest of both
        assertThat(count(result, read + "MatchedStatements/member")).isZero();
        assertThat(text(result, read + "ResourceSpecificResults/member[1]/EvalResourceName"))
                .isEqualTo("arn:aws:s3:::reports/q1.csv");
        assertThat(text(result, read + "ResourceSpecificResults/member[1]/EvalResourceDecision"))
                .isEqualTo("allowed");
        assertThat(text(result, read + "ResourceSpecificResults/member[1]/MatchedStatements/member/SourcePolicyId"))
                .isEqualTo("reports");
        assertThat(text(result, read + "ResourceSpecificResults/member[2]/EvalResourceDecision"))
                .isEqualTo("implicitDeny");
        assertThat(count(result, read + "ResourceSpecificResults/member[2]/EvalDecisionDetails")).isEqualTo(1);
        assertThat(text(result, "/SimulatePrincipalPolicyResponse/SimulatePrincipalPolicyResult/IsTruncated"))
                .isEqualTo("false");
    }

    @Test
    void simulatesCustomPoliciesAndNamesMissingContextValues() {
        String prefix = "/SimulateCustomPolicyResponse/SimulateCustomPolicyResult/EvaluationResults/member/";
        Document result = Xml.parse(ok("SimulateCustomPolicy", "PolicyInputList.member.1", READ_REPORTS,
                "ActionNames.member.1", "dynamodb:CreateBackup"));
        assertThat(Xml.text(result, prefix + "EvalDecision")).isEqualTo("implicitDeny");
        assertThat(Xml.text(result, prefix + "MissingContextValues/member")).isEqualTo("aws:CurrentTime");
        assertThat(Xml.count(result, prefix + "MatchedStatements")).isEqualTo(1); // present, empty
        assertThat(Xml.count(result, prefix + "EvalDecisionDetails")).isZero(); // one account, all resources
        assertThat(Xml.count(result, prefix + "ResourceSpecificResults")).isZero();

        Document denied = Xml.parse(ok("SimulateCustomPolicy", "PolicyInputList.member.1", READ_REPORTS,
                "ActionNames.member.1", "s3:DeleteObject"));
        assertThat(Xml.text(denied, prefix + "EvalDecision")).isEqualTo("explicitDeny");
        assertThat(Xml.text(denied, prefix + "MatchedStatements/member/SourcePolicyId")).isEqualTo("PolicyInputList.1");
        assertThat(Xml.text(denied, prefix + "MatchedStatements/member/SourcePolicyType")).isEqualTo("none");
    }

    @Test
    void pagesWithMaxItemsAndMarker() {
        String result = "/SimulateCustomPolicyResponse/SimulateCustomPolicyResult/";
        Document first = Xml.parse(ok("SimulateCustomPolicy", "PolicyInputList.member.1", READ_REPORTS,
                "ActionNames.member.1", "s3:GetObject", "ActionNames.member.2", "s3:PutObject",
                "ActionNames.member.3", "s3:DeleteObject", "MaxItems", "2"));
        assertThat(Xml.count(first, result + "EvaluationResults/member")).isEqualTo(2);
        assertThat(Xml.text(first, result + "IsTruncated")).isEqualTo("true");
        String marker = Xml.text(first, result + "Marker");
        Document second = Xml.parse(ok("SimulateCustomPolicy", "PolicyInputList.member.1", READ_REPORTS,
                "ActionNames.member.1", "s3:GetObject", "ActionNames.member.2", "s3:PutObject",
                "ActionNames.member.3", "s3:DeleteObject", "MaxItems", "2", "Marker", marker));
        assertThat(Xml.text(second, result + "EvaluationResults/member/EvalActionName")).isEqualTo("s3:DeleteObject");
        assertThat(Xml.text(second, result + "IsTruncated")).isEqualTo("false");
        assertThat(Xml.count(second, result + "Marker")).isZero();
    }

    @Test
    void errorsCarryIamsCodes() {
        alice();
        assertError(send("SimulatePrincipalPolicy", "ActionNames.member.1", "s3:GetObject"), 400, "ValidationError");
        assertError(send("SimulatePrincipalPolicy", "PolicySourceArn", ALICE), 400, "ValidationError");
        assertError(send("SimulateCustomPolicy", "ActionNames.member.1", "s3:GetObject"), 400, "ValidationError");
        assertError(send("SimulatePrincipalPolicy", "PolicySourceArn", "arn:aws:iam::" + ACCOUNT + ":user/nobody",
                "ActionNames.member.1", "s3:GetObject"), 404, "NoSuchEntity");
        assertError(send("SimulatePrincipalPolicy", "PolicySourceArn", "arn:aws:iam::" + ACCOUNT + ":policy/S3AndDynamo",
                "ActionNames.member.1", "s3:GetObject"), 400, "InvalidInput");
        assertError(send("SimulateCustomPolicy", "PolicyInputList.member.1", "{\"Version\":", "ActionNames.member.1",
                "s3:GetObject"), 400, "MalformedPolicyDocument");
        assertError(send("SimulateCustomPolicy", "PolicyInputList.member.1", READ_REPORTS, "ActionNames.member.1",
                "s3:GetObject", "ResourceArns.member.1", "reports/q1.csv"), 400, "InvalidInput");
        assertError(send("SimulateCustomPolicy", "PolicyInputList.member.1", READ_REPORTS, "ActionNames.member.1",
                "s3:GetObject", "ResourceHandlingOption", "EC2-VPC-EBS"), 400, "InvalidInput");
        assertError(send("SimulateCustomPolicy", "PolicyInputList.member.1", READ_REPORTS, "ActionNames.member.1",
                "s3:GetObject", "ContextEntries.member.1.ContextKeyName", "aws:SourceIp",
                "ContextEntries.member.1.ContextKeyValues.member.1", "10.0.0.1",
                "ContextEntries.member.1.ContextKeyType", "address"), 400, "ValidationError");
        assertError(send("SimulateCustomPolicy", "PolicyInputList.member.1", READ_REPORTS, "ActionNames.member.1",
                "s3:GetObject", "ContextEntries.member.1.ContextKeyName", "aws:SourceIp",
                "ContextEntries.member.1.ContextKeyType", "ip"), 400, "InvalidInput");
        assertError(send("SimulateCustomPolicy", "PolicyInputList.member.1", READ_REPORTS, "ActionNames.member.1",
                "s3:GetObject", "ContextEntries.member.2.ContextKeyName", "aws:SourceIp"), 400, "ValidationError");
        assertError(send("SimulateCustomPolicy", "PolicyInputList.member.1", READ_REPORTS, "ActionNames.member.1",
                "s3:GetObject", "MaxItems", "0"), 400, "ValidationError");
        assertError(send("SimulateCustomPolicy", "PolicyInputList.member.1", READ_REPORTS, "ActionNames.member.1",
                "s3:GetObject", "Marker", "elsewhere"), 400, "InvalidInput");
    }

    @Test
    void responsesMatchTheBotocoreModel() {
        BotocoreModel model = BotocoreModel.load("iam", "2010-05-08").orElse(null);
        if (model == null) {
            System.out.println("NOTICE: python3 with botocore not found; skipping the simulation conformance test");
        }
        Assumptions.assumeTrue(model != null, "python3 with botocore is not installed");
        assertThat(iam.operations()).allSatisfy(action -> assertThat(model.hasOperation(action)).isTrue());
        alice();
        String bucketPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + ACCOUNT + "\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::shared/*\"}}";
        // Every member the simulator can write: positions, missing keys, both details, per-resource results, a marker.
        ApiResponse principal = ok("SimulatePrincipalPolicy", "PolicySourceArn", ALICE,
                "ActionNames.member.1", "s3:GetObject", "ActionNames.member.2", "dynamodb:CreateBackup",
                "ResourceArns.member.1", "arn:aws:s3:::reports/q1.csv", "ResourceArns.member.2", "arn:aws:s3:::shared/a",
                "ResourceArns.member.3", "arn:aws:dynamodb:us-east-1:444455556666:table/orders",
                "ResourcePolicy", bucketPolicy, "MaxItems", "1");
        ApiResponse custom = ok("SimulateCustomPolicy", "PolicyInputList.member.1", READ_REPORTS,
                "PermissionsBoundaryPolicyInputList.member.1", BOUNDARY,
                "ActionNames.member.1", "dynamodb:CreateBackup", "ActionNames.member.2", "s3:DeleteObject");
        Document principalXml = Xml.parse(principal);
        assertThat(principalXml.getElementsByTagNameNS("*", "entry").getLength()).isPositive();
        assertThat(Xml.text(principalXml, "/SimulatePrincipalPolicyResponse/SimulatePrincipalPolicyResult/IsTruncated"))
                .isEqualTo("true");
        assertThat(principalXml.getElementsByTagNameNS("*", "EndPosition").getLength()).isPositive();
        assertThat(Xml.parse(custom).getElementsByTagNameNS("*", "MissingContextValues").item(0).getTextContent())
                .isEqualTo("aws:CurrentTime");

        List<String> problems = new ArrayList<>(check(model, "SimulatePrincipalPolicy", principal));
        problems.addAll(check(model, "SimulateCustomPolicy", custom));
        assertThat(problems).isEmpty();
    }

    /** The output shape's members and types, and the enumerated values the model allows. */
    private static List<String> check(BotocoreModel model, String action, ApiResponse response) {
        Document document = Xml.parse(response);
        Element root = document.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo(action + "Response");
        Element result = null;
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getLocalName().equals(action + "Result")) {
                result = element;
            }
        }
        assertThat(result).as("<%sResult>", action).isNotNull();
        List<String> problems = new ArrayList<>(model.violations(action, result));
        Set<String> decisions = enumOf(model, "PolicyEvaluationDecisionType");
        Set<String> sources = enumOf(model, "PolicySourceType");
        for (String name : List.of("EvalDecision", "EvalResourceDecision", "value")) {
            problems.addAll(outside(result, name, decisions));
        }
        problems.addAll(outside(result, "SourcePolicyType", sources));
        return problems;
    }

    private static Set<String> enumOf(BotocoreModel model, String shape) {
        Set<String> values = new HashSet<>();
        for (JsonNode value : model.shape(shape).orElseThrow().get("enum")) {
            values.add(value.asText());
        }
        return values;
    }

    private static List<String> outside(Element result, String elementName, Set<String> allowed) {
        List<String> problems = new ArrayList<>();
        NodeList nodes = result.getElementsByTagNameNS("*", elementName);
        for (int i = 0; i < nodes.getLength(); i++) {
            String text = nodes.item(i).getTextContent();
            if (!allowed.contains(text)) {
                problems.add(elementName + " = '" + text + "' is not one of " + allowed);
            }
        }
        return problems;
    }

    /** The text at a path of local names whose steps may carry a position: {@code member[2]}. */
    private static String text(Document document, String path) {
        try {
            return XPathFactory.newInstance().newXPath().evaluate(xpath(path), document);
        } catch (XPathExpressionException e) {
            throw new AssertionError(e);
        }
    }

    private static int count(Document document, String path) {
        try {
            return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath(path), document,
                    XPathConstants.NODESET)).getLength();
        } catch (XPathExpressionException e) {
            throw new AssertionError(e);
        }
    }

    private static String xpath(String path) {
        StringBuilder out = new StringBuilder();
        for (String step : path.substring(1).split("/")) {
            int bracket = step.indexOf('[');
            String name = bracket < 0 ? step : step.substring(0, bracket);
            out.append("/*[local-name()='").append(name).append("']").append(bracket < 0 ? "" : step.substring(bracket));
        }
        return out.toString();
    }
}
