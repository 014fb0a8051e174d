package io.strongroom.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.core.AwsException;

/**
 * The errors the AWS JSON protocol layer itself raises, with the codes AWS JSON services answer:
 * {@code UnknownOperationException} when no operation matches the request,
 * {@code SerializationException} when the body cannot be read as the operation's input (not
 * JSON, not an object, or a member of the wrong JSON type). Constraint violations are the
 * service's own ({@link ValidationErrors}).
 */
public final class JsonErrors {
    static final int MAX_ECHOED = 64;

    private JsonErrors() {
    }

    /** No operation of this service matches: missing or foreign target, unknown name, not a POST. */
    public static AwsException unknownOperation(String detail) {
        return new AwsException("UnknownOperationException", 400, detail);
    }

    /** The body is not a JSON document the operation can read. */
    public static AwsException serialization(String detail) {
        return new AwsException("SerializationException", 400, detail);
    }

    /**
     * A member whose JSON type is not the model's, in the words AWS uses followed by the member:
     * {@code STRING_VALUE can not be converted to an integer at 'maxResults'}, {@code Start of list
     * found where not expected: 'name' must be a string}.
     *
     * @param expected the wanted type with its article: "a string", "an integer"
     */
    static AwsException wrongType(String memberPath, JsonNode found, String expected) {
        String where = "'" + memberPath + "'";
        if (found.isObject()) {
            return serialization("Start of structure or map found where not expected: " + where + " must be " + expected);
        }
        if (found.isArray()) {
            return serialization("Start of list found where not expected: " + where + " must be " + expected);
        }
        String token;
        if (found.isTextual()) {
            token = "STRING_VALUE";
        } else if (found.isNumber()) {
            token = "NUMBER_VALUE";
        } else if (found.isBoolean()) {
            token = found.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE";
        } else {
            token = "A value";
        }
        return serialization(token + " can not be converted to " + expected + " at " + where);
    }

    /** Keeps echoed client text short. */
    static String abbreviate(String text) {
        return text.length() <= MAX_ECHOED ? text : text.substring(0, MAX_ECHOED) + "...";
    }
}
