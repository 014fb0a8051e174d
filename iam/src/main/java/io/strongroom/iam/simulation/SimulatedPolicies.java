package io.strongroom.iam.simulation;

import static java.util.Objects.requireNonNull;

import io.strongroom.policy.Decision;
import io.strongroom.policy.NamedPolicy;
import io.strongroom.policy.PolicyDocument;
import io.strongroom.policy.PolicySet;
import io.strongroom.policy.PolicyType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policies of one simulation, each under a key that is unique within it (the evaluator names a
 * matched statement's policy by that key), with where each came from, so that a matched statement is
 * reported as IAM reports it: the policy's name or input position, its source type and the statement's
 * place in the policy's text.
 */
final class SimulatedPolicies {
    /** The key of the {@code ResourcePolicy} parameter's document. */
    static final String RESOURCE_POLICY = "ResourcePolicy";

    /**
     * Where a policy came from.
     *
     * @param text the document as written; empty when the simulation stands in a document of its own (a
     *             boundary whose policy cannot be read denies everything), whose positions would mislead
     */
    record Origin(String policyId, PolicySourceType type, Optional<String> text) {
        Origin {
            requireNonNull(policyId, "policyId");
            requireNonNull(type, "type");
            requireNonNull(text, "text");
        }
    }

    private final Map<String, Origin> origins = new HashMap<>();
    private final Map<String, PolicyDocument> documents = new HashMap<>();
    private final List<NamedPolicy> identity = new ArrayList<>();
    private final List<NamedPolicy> boundaries = new ArrayList<>();

    /** Adds an identity-based policy; one already added under the same key (a managed policy attached twice) is kept once. */
    void addIdentity(String key, Origin origin, PolicyDocument document) {
        if (origins.putIfAbsent(key, origin) == null) {
            documents.put(key, document);
            identity.add(new NamedPolicy(PolicyType.IDENTITY, key, document));
        }
    }

    /** Sets the permissions boundary, replacing any. */
    void setBoundary(String key, Origin origin, PolicyDocument document) {
        origins.putIfAbsent(key, origin);
        documents.putIfAbsent(key, document);
        boundaries.clear();
        boundaries.add(new NamedPolicy(PolicyType.PERMISSIONS_BOUNDARY, key, document));
    }

    /** Registers the resource policy every simulated resource is given, and returns it. */
    NamedPolicy resourcePolicy(String text, PolicyDocument document) {
        origins.put(RESOURCE_POLICY, new Origin(RESOURCE_POLICY, PolicySourceType.RESOURCE, Optional.of(text)));
        documents.put(RESOURCE_POLICY, document);
        return new NamedPolicy(PolicyType.RESOURCE, RESOURCE_POLICY, document);
    }

    boolean hasBoundary() {
        return !boundaries.isEmpty();
    }

    PolicySet policySet() {
        return new PolicySet(identity, boundaries, List.of());
    }

    /** A statement the evaluator matched, as the simulation reports it. */
    MatchedStatement describe(Decision.MatchedStatement statement) {
        Origin origin = origins.get(statement.source());
        if (origin == null) {
            throw new IllegalStateException("a matched statement names a policy the simulation did not add: "
                    + statement.source());
        }
        Optional<io.strongroom.policy.StatementPosition> place = origin.text()
                .flatMap(text -> documents.get(statement.source()).statementPosition(statement.sidOrIndex()));
        return new MatchedStatement(origin.policyId(), origin.type(), statement.sidOrIndex(),
                place.map(p -> new StatementPosition(p.startLine(), p.startColumn())),
                place.map(p -> new StatementPosition(p.endLine(), p.endColumn())));
    }
}
