package io.strongroom.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of {@code src/test/resources/evaluation-corpus/*.json} against the evaluator: one dynamic
 * test per case, named by the case, grouped by file. Each case is decided by both {@link PolicyEvaluator#evaluate}
 * and {@link PolicyEvaluator#explain}, which must agree.
 */
class EvaluationCorpusTest {
    /** The corpus must not shrink below this many cases. */
    static final int MINIMUM_CASES = 300;

    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    @TestFactory
    Stream<DynamicNode> corpus() {
        return EvaluationCorpus.files().stream().map(file -> DynamicContainer.dynamicContainer(
                file.fileName() + " (" + file.topic() + ")",
                file.cases().stream().map(node -> DynamicTest.dynamicTest(node.path("name").asText("<unnamed>"),
                        () -> run(node)))));
    }

    private void run(JsonNode node) {
        EvaluationCorpus.Case c = EvaluationCorpus.parse(node);
        Decision decision = evaluator.evaluate(c.request(), c.policies(), c.scope());
        Explanation explanation = evaluator.explain(c.request(), c.policies(), c.scope());
        String why = c.name() + " [" + c.doc() + "]\n" + explanation.render(c.request().action(), c.request().resource());
        assertThat(explanation.decision()).as("explain agrees with evaluate: " + why).isEqualTo(decision);
        assertThat(decision.outcome()).as(why).isEqualTo(c.expect());
        if (identityOnly(c.scope())) {
            assertThat(evaluator.evaluate(c.request(), c.policies())).as("identity-only fast path: " + why)
                    .isEqualTo(decision);
        }
        c.decidedBy().ifPresent(type -> assertThat(decision.deciderType()).as("decidedBy: " + why).isEqualTo(type));
    }

    /** A case the scope-less {@link PolicyEvaluator#evaluate(AuthorizationRequest, PolicySet)} must decide alike. */
    private static boolean identityOnly(AccessScope scope) {
        RequestPrincipal.Kind kind = scope.caller().kind();
        return !scope.crossAccount() && scope.resourcePolicy().isEmpty() && !scope.serviceControlPolicies().applies()
                && !scope.resourceControlPolicies().applies()
                && (kind == RequestPrincipal.Kind.IAM_USER || kind == RequestPrincipal.Kind.ROLE_SESSION);
    }

    @Test
    void corpusHasEnoughUniquelyNamedCases() {
        Map<String, List<String>> filesByName = new LinkedHashMap<>();
        int count = 0;
        for (EvaluationCorpus.CorpusFile file : EvaluationCorpus.files()) {
            for (JsonNode node : file.cases()) {
                count++;
                filesByName.computeIfAbsent(node.path("name").asText(""), name -> new ArrayList<>()).add(file.fileName());
            }
        }
        Map<String, List<String>> duplicates = new LinkedHashMap<>();
        filesByName.forEach((name, files) -> {
            if (files.size() > 1) {
                duplicates.put(name, files);
            }
        });
        assertThat(duplicates).as("case names used more than once (name -> files)").isEmpty();
        assertThat(count).as("the corpus has %d cases; at least %d are required", count, MINIMUM_CASES)
                .isGreaterThanOrEqualTo(MINIMUM_CASES);
    }
}
