package io.strongroom.protocol.iam;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.simulation.ContextEntry;
import io.strongroom.iam.simulation.EvalDecision;
import io.strongroom.iam.simulation.EvaluationResult;
import io.strongroom.iam.simulation.MatchedStatement;
import io.strongroom.iam.simulation.PolicySimulator;
import io.strongroom.iam.simulation.ResourceSpecificResult;
import io.strongroom.iam.simulation.SimulationInput;
import io.strongroom.iam.simulation.SimulationPage;
import io.strongroom.iam.simulation.StatementPosition;
import io.strongroom.protocol.query.CommonParameters;
import io.strongroom.protocol.query.OperationFamily;
import io.strongroom.protocol.query.OperationTable;
import io.strongroom.protocol.query.QueryParameters;
import io.strongroom.protocol.query.QueryResult;
import io.strongroom.protocol.query.XmlWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SimulatePrincipalPolicy and SimulateCustomPolicy: IAM's policy simulator. */
final class SimulationActions implements OperationFamily {
    private final PolicySimulator simulator;

    SimulationActions(PolicySimulator simulator) {
        this.simulator = requireNonNull(simulator, "simulator");
    }

    @Override
    public void registerInto(OperationTable table) {
        table.add("SimulatePrincipalPolicy", (p, call) -> {
            String policySourceArn = p.requiredString("PolicySourceArn");
            return result(simulator.simulatePrincipalPolicy(call, policySourceArn, input(p, false)));
        });
        table.add("SimulateCustomPolicy", (p, call) -> result(simulator.simulateCustomPolicy(call, input(p, true))));
    }

    private static SimulationInput input(QueryParameters p, boolean policiesRequired) {
        List<String> policies = policiesRequired ? p.requiredStringList("PolicyInputList")
                : p.stringList("PolicyInputList");
        List<String> actions = p.requiredStringList("ActionNames");
        List<ContextEntry> entries = p.structureList("ContextEntries").stream()
                .map(entry -> new ContextEntry(entry.string("ContextKeyName"), entry.stringList("ContextKeyValues"),
                        entry.string("ContextKeyType")))
                .toList();
        return new SimulationInput(policies, p.stringList("PermissionsBoundaryPolicyInputList"), actions,
                p.stringList("ResourceArns"), p.string("ResourcePolicy"), p.string("ResourceOwner"),
                p.string("CallerArn"), entries, p.string("ResourceHandlingOption"), CommonParameters.page(p));
    }

    /** {@code SimulatePolicyResponse}: the results, then IsTruncated and the Marker that continues them. */
    private static QueryResult result(SimulationPage page) {
        return QueryResult.of(xml -> {
            xml.list("EvaluationResults", page.results(), SimulationActions::evaluationResult);
            xml.element("IsTruncated", page.truncated());
            xml.element("Marker", page.marker());
        });
    }

    private static void evaluationResult(XmlWriter xml, EvaluationResult result) {
        xml.element("EvalActionName", result.actionName())
                .element("EvalResourceName", result.resourceName())
                .element("EvalDecision", result.decision().wireName());
        statements(xml, result.matchedStatements());
        xml.stringList("MissingContextValues", result.missingContextValues());
        result.allowedByOrganizations().ifPresent(allowed -> xml.start("OrganizationsDecisionDetail")
                .element("AllowedByOrganizations", allowed.booleanValue()).end());
        boundaryDetail(xml, result.allowedByPermissionsBoundary());
        decisionDetails(xml, result.decisionDetails());
        if (!result.resourceSpecificResults().isEmpty()) {
            xml.list("ResourceSpecificResults", result.resourceSpecificResults(), SimulationActions::resourceResult);
        }
    }

    /** A {@code ResourceSpecificResult}; the model has no organizations detail per resource. */
    private static void resourceResult(XmlWriter xml, ResourceSpecificResult result) {
        xml.element("EvalResourceName", result.resourceName())
                .element("EvalResourceDecision", result.decision().wireName());
        statements(xml, result.matchedStatements());
        xml.stringList("MissingContextValues", result.missingContextValues());
        decisionDetails(xml, result.decisionDetails());
        boundaryDetail(xml, result.allowedByPermissionsBoundary());
    }

    /** {@code Statement}s: the policy's id and source type, and the statement's place in its text when known. */
    private static void statements(XmlWriter xml, List<MatchedStatement> statements) {
        xml.list("MatchedStatements", statements, (member, statement) -> {
            member.element("SourcePolicyId", statement.sourcePolicyId())
                    .element("SourcePolicyType", statement.sourcePolicyType().wireName());
            statement.start().ifPresent(start -> position(member, "StartPosition", start));
            statement.end().ifPresent(end -> position(member, "EndPosition", end));
        });
    }

    private static void position(XmlWriter xml, String name, StatementPosition position) {
        xml.start(name).element("Line", position.line()).element("Column", position.column()).end();
    }

    private static void boundaryDetail(XmlWriter xml, Optional<Boolean> allowed) {
        allowed.ifPresent(value -> xml.start("PermissionsBoundaryDecisionDetail")
                .element("AllowedByPermissionsBoundary", value.booleanValue()).end());
    }

    /** Present but empty is an answer of its own (one account, a named resource), so it is written empty. */
    private static void decisionDetails(XmlWriter xml, Optional<Map<String, EvalDecision>> details) {
        details.ifPresent(map -> {
            Map<String, String> entries = new LinkedHashMap<>();
            map.forEach((type, decision) -> entries.put(type, decision.wireName()));
            xml.map("EvalDecisionDetails", entries);
        });
    }
}
