package io.strongroom.protocol.json;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import java.util.Map;
import java.util.function.Function;

/**
 * What distinguishes one AWS JSON 1.1 service from another on the wire. Built with
 * {@link #builder(String)}; every setting but the target prefix has the default most JSON
 * services use.
 *
 * <ul>
 *   <li>{@code targetPrefix}: the part of {@code X-Amz-Target} before the last dot, the model's
 *       {@code metadata.targetPrefix} ({@code TrentService}, {@code AWSOrganizationsV20161128},
 *       {@code com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101}).</li>
 *   <li>{@code messageMember}: how the service's error shapes spell their message member:
 *       {@code message} (KMS, the default) or {@code Message} (Organizations).</li>
 *   <li>{@code internalFailureCode}: the code of unexpected failures (KMS {@code KMSInternalException},
 *       Organizations {@code ServiceException}; default {@code InternalFailure}).</li>
 *   <li>{@code validationErrors}: how a constraint violation is answered (default
 *       {@code ValidationException}; Organizations answers {@code InvalidInputException} with a
 *       {@code Reason}).</li>
 *   <li>{@code errorMembers}: extra members for an error's body beyond {@code __type} and the
 *       message, e.g. a domain exception's reason; {@link DetailedAwsException}'s members are
 *       always written.</li>
 * </ul>
 */
public final class JsonService {
    private final String targetPrefix;
    private final String messageMember;
    private final String internalFailureCode;
    private final ValidationErrors validationErrors;
    private final Function<AwsException, Map<String, String>> errorMembers;

    private JsonService(Builder builder) {
        this.targetPrefix = builder.targetPrefix;
        this.messageMember = builder.messageMember;
        this.internalFailureCode = builder.internalFailureCode;
        this.validationErrors = builder.validationErrors;
        this.errorMembers = builder.errorMembers;
    }

    public static Builder builder(String targetPrefix) {
        return new Builder(targetPrefix);
    }

    public String targetPrefix() {
        return targetPrefix;
    }

    public String messageMember() {
        return messageMember;
    }

    public String internalFailureCode() {
        return internalFailureCode;
    }

    public ValidationErrors validationErrors() {
        return validationErrors;
    }

    /** The extra error members the service adds for {@code error} (never null). */
    Map<String, String> errorMembers(AwsException error) {
        Map<String, String> members = errorMembers.apply(error);
        return members == null ? Map.of() : members;
    }

    public static final class Builder {
        private final String targetPrefix;
        private String messageMember = "message";
        private String internalFailureCode = "InternalFailure";
        private ValidationErrors validationErrors = ValidationErrors.validationException();
        private Function<AwsException, Map<String, String>> errorMembers = error -> Map.of();

        private Builder(String targetPrefix) {
            requireNonNull(targetPrefix, "targetPrefix");
            // dots are allowed inside (com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101): the
            // operation is what follows the last dot of X-Amz-Target
            if (targetPrefix.isEmpty() || targetPrefix.startsWith(".") || targetPrefix.endsWith(".")
                    || targetPrefix.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("a target prefix is non-empty, has no white space and neither"
                        + " starts nor ends with a dot: " + targetPrefix);
            }
            this.targetPrefix = targetPrefix;
        }

        public Builder messageMember(String messageMember) {
            this.messageMember = requireNonNull(messageMember, "messageMember");
            return this;
        }

        public Builder internalFailureCode(String internalFailureCode) {
            this.internalFailureCode = requireNonNull(internalFailureCode, "internalFailureCode");
            return this;
        }

        public Builder validationErrors(ValidationErrors validationErrors) {
            this.validationErrors = requireNonNull(validationErrors, "validationErrors");
            return this;
        }

        public Builder errorMembers(Function<AwsException, Map<String, String>> errorMembers) {
            this.errorMembers = requireNonNull(errorMembers, "errorMembers");
            return this;
        }

        public JsonService build() {
            return new JsonService(this);
        }
    }
}
