package io.strongroom.protocol.json;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** How a service answers a broken input constraint. */
@FunctionalInterface
public interface ValidationErrors {

    AwsException toError(ConstraintViolation violation);

    /** {@code ValidationException} (400) with the violation's message: what most JSON services answer (KMS among them). */
    static ValidationErrors validationException() {
        return withCode("ValidationException");
    }

    /** The given code (400) with the violation's message. */
    static ValidationErrors withCode(String code) {
        requireNonNull(code, "code");
        return violation -> new AwsException(code, 400, violation.message());
    }

    /**
     * The given code (400) with the violation's message and a {@code Reason} member chosen by
     * constraint kind, as Organizations answers ({@code InvalidInputException} with
     * {@code Reason: INVALID_PATTERN}); no {@code Reason} when {@code reasons} gives none.
     */
    static ValidationErrors withReason(String code, Function<Constraint, Optional<String>> reasons) {
        requireNonNull(code, "code");
        requireNonNull(reasons, "reasons");
        return violation -> new DetailedAwsException(code, 400, violation.message(),
                reasons.apply(violation.constraint()).map(reason -> Map.of("Reason", reason)).orElse(Map.of()));
    }
}
