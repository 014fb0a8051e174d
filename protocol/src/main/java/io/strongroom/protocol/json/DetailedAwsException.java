package io.strongroom.protocol.json;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An {@link AwsException} whose error shape has members besides the message, written as top-level
 * members of a JSON error body: Organizations' {@code ConstraintViolationException} and
 * {@code InvalidInputException} carry a {@code Reason}, {@code TooManyRequestsException} a
 * {@code Type}. Other protocols render it as a plain {@link AwsException}.
 */
public class DetailedAwsException extends AwsException {
    /**
     * Members the JSON error body writes itself, and {@code code}, which some clients read as the
     * error's type before {@code __type}.
     */
    static final Set<String> RESERVED = Set.of("__type", "message", "Message", "code");

    private final Map<String, String> members;

    public DetailedAwsException(String code, int httpStatus, String message, Map<String, String> members) {
        super(code, httpStatus, message);
        this.members = checked(members);
    }

    public DetailedAwsException(String code, int httpStatus, String message, Map<String, String> members,
                                Throwable cause) {
        super(code, httpStatus, message, cause);
        this.members = checked(members);
    }

    /** The extra members in insertion order, e.g. {@code {Reason=INVALID_PATTERN}}. */
    public Map<String, String> members() {
        return members;
    }

    private static Map<String, String> checked(Map<String, String> members) {
        Map<String, String> copy = new LinkedHashMap<>();
        requireNonNull(members, "members").forEach((name, value) -> {
            requireNonNull(name, "member name");
            requireNonNull(value, "member value");
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException("error member " + name + " is written by the protocol itself");
            }
            copy.put(name, value);
        });
        return Collections.unmodifiableMap(copy);
    }
}
