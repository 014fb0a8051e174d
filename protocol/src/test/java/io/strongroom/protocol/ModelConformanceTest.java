package io.strongroom.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.protocol.support.BotocoreModel;
import io.strongroom.protocol.support.IamScenario;
import io.strongroom.protocol.support.IdentityFixture;
import io.strongroom.protocol.support.Requests;
import io.strongroom.protocol.support.StsScenario;
import io.strongroom.protocol.support.Xml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks the IAM and STS handlers against the botocore models installed on this machine: every
 * accepted Action exists in the model, and every element a response emits inside
 * {@code <OpResult>} is a member of the operation's output shape, with required members present.
 * Skipped, with a notice, where python3 or botocore is missing.
 */
class ModelConformanceTest {
    private static BotocoreModel iamModel;
    private static BotocoreModel stsModel;

    @BeforeAll
    static void loadModels() {
        iamModel = BotocoreModel.load("iam", "2010-05-08").orElse(null);
        stsModel = BotocoreModel.load("sts", "2011-06-15").orElse(null);
        if (iamModel == null || stsModel == null) {
            System.out.println("NOTICE: python3 with botocore not found; skipping the model conformance test");
        }
        Assumptions.assumeTrue(iamModel != null && stsModel != null, "python3 with botocore is not installed");
    }

    @Test
    void everyAcceptedActionExistsInTheModels() {
        IdentityFixture fixture = new IdentityFixture();
        assertThat(fixture.iam.operations()).allSatisfy(action -> assertThat(iamModel.hasOperation(action))
                .as("IAM model has %s", action).isTrue());
        assertThat(fixture.stsHandler.operations()).allSatisfy(action -> assertThat(stsModel.hasOperation(action))
                .as("STS model has %s", action).isTrue());
        assertThat(fixture.iam.operations()).hasSize(66);
    }

    @Test
    void everyIamResponseMatchesItsOutputShape() {
        IdentityFixture fixture = new IdentityFixture();
        Map<String, ApiResponse> responses = new IamScenario(fixture.iam, Requests.rootCall()).runAll();
        assertThat(responses.keySet()).as("the scenario covers every Action").containsExactlyInAnyOrderElementsOf(
                fixture.iam.operations());
        List<String> problems = new ArrayList<>();
        responses.forEach((action, response) -> problems.addAll(check(iamModel, action, response)));
        assertThat(problems).isEmpty();
    }

    @Test
    void everyStsResponseMatchesItsOutputShape() {
        IdentityFixture fixture = new IdentityFixture();
        StsScenario scenario = new StsScenario(fixture);
        ApiResponse assumed = scenario.call(scenario.bob(), "AssumeRole", "RoleArn", StsScenario.ROLE_ARN,
                "RoleSessionName", "s1", "SourceIdentity", "bob");
        ApiResponse identity = scenario.call(Requests.rootCall(), "GetCallerIdentity");
        assertThat(assumed.status()).as(StsScenario.body(assumed)).isEqualTo(200);
        assertThat(identity.status()).as(StsScenario.body(identity)).isEqualTo(200);
        List<String> problems = new ArrayList<>(check(stsModel, "AssumeRole", assumed));
        problems.addAll(check(stsModel, "GetCallerIdentity", identity));
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckerFindsStrayMissingAndMistypedMembers() {
        String xml = "<GetGroupResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><GetGroupResult>"
                + "<Group><Path>/</Path><GroupName>g</GroupName><Arn>a</Arn><CreateDate>yesterday</CreateDate>"
                + "<Secret>x</Secret></Group><Users><item/></Users><IsTruncated>maybe</IsTruncated>"
                + "</GetGroupResult></GetGroupResponse>";
        ApiResponse response = ApiResponse.xml(200, xml);
        assertThat(check(iamModel, "GetGroup", response)).containsExactlyInAnyOrder(
                "GetGroupResult/Group/CreateDate = 'yesterday' is not a timestamp",
                "GetGroupResult/Group/Secret is not a member of the model's shape",
                "GetGroupResult/Group/GroupId is required by the model but missing",
                "GetGroupResult/Users/item should be <member>",
                "GetGroupResult/IsTruncated = 'maybe' is not a boolean");
    }

    private static List<String> check(BotocoreModel model, String action, ApiResponse response) {
        Document document = Xml.parse(response);
        Element root = document.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo(action + "Response");
        List<Element> results = new ArrayList<>();
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && !element.getLocalName().equals("ResponseMetadata")) {
                results.add(element);
            }
        }
        if (!model.hasResult(action)) {
            return results.isEmpty() ? List.of() : List.of(action + " has no output in the model but answered "
                    + results.get(0).getLocalName());
        }
        if (results.size() != 1 || !results.get(0).getLocalName().equals(action + "Result")) {
            return List.of(action + " must answer exactly one <" + action + "Result>");
        }
        return model.violations(action, results.get(0));
    }
}
