package io.strongroom.iam.simulation;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A statement that decided a simulated request.
 *
 * @param sourcePolicyId   the inline policy's name, the managed policy's name, {@code PolicyInputList.N},
 *                         {@code PermissionsBoundaryPolicyInputList.N} or {@code ResourcePolicy}
 * @param sourcePolicyType where that policy came from
 * @param sidOrIndex       the statement's Sid, or its zero-based position in the Statement array when it has
 *                         none (IAM's wire shape has no place for it; the positions locate the statement there)
 * @param start            where the statement begins in the policy's text; empty when it cannot be told
 *                         apart from another statement with the same Sid-or-index
 * @param end              where it ends; present exactly when {@code start} is
 */
public record MatchedStatement(String sourcePolicyId, PolicySourceType sourcePolicyType, String sidOrIndex,
                               Optional<StatementPosition> start, Optional<StatementPosition> end) {
    public MatchedStatement {
        requireNonNull(sourcePolicyId, "sourcePolicyId");
        requireNonNull(sourcePolicyType, "sourcePolicyType");
        requireNonNull(sidOrIndex, "sidOrIndex");
        requireNonNull(start, "start");
        requireNonNull(end, "end");
        if (start.isPresent() != end.isPresent()) {
            throw new IllegalArgumentException("a statement's start and end are known together");
        }
    }
}
