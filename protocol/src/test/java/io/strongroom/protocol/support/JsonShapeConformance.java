package io.strongroom.protocol.support;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.protocol.ApiResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks AWS JSON protocol responses against a botocore model, the way botocore will read them:
 * every member of an output document is a member of the operation's output shape (recursively),
 * required members are present, each value has the JSON type of its shape (timestamps as epoch
 * seconds, blobs as base64), strings satisfy the shape's enum, length and pattern. Error responses
 * must name an error the model has (or a common one), use exactly the members of its shape (so
 * {@code message} versus {@code Message} is caught) and the status the model gives it.
 *
 * <p>For a service handler's tests: {@code assertThat(conformance.responseViolations("CreateAccount", response)).isEmpty()}.
 */
public final class JsonShapeConformance {
    /** Errors any AWS JSON service may answer without modelling them, and the protocol layer's own. */
    public static final Set<String> COMMON_ERRORS = Set.of("UnknownOperationException", "SerializationException",
            "ValidationException", "AccessDeniedException", "UnrecognizedClientException", "InvalidSignatureException",
            "IncompleteSignatureException", "MissingAuthenticationTokenException", "ExpiredTokenException",
            "RequestEntityTooLargeException", "ThrottlingException", "ServiceUnavailable", "InternalFailure");
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BotocoreModel model;

    public JsonShapeConformance(BotocoreModel model) {
        this.model = requireNonNull(model, "model");
        String protocol = model.metadata().path("protocol").asText();
        if (!protocol.equals("json")) {
            throw new IllegalArgumentException("not a JSON protocol model: " + protocol);
        }
    }

    /** Every problem with a successful response: status, headers and the body against the output shape. */
    public List<String> responseViolations(String operation, ApiResponse response) {
        List<String> problems = new ArrayList<>(headerViolations(response));
        if (response.status() != 200) {
            problems.add(operation + " answered status " + response.status() + ", not 200");
            return problems;
        }
        JsonNode output = model.operation(operation).get("output");
        if (response.body().length == 0) {
            // An empty body reads as {}: fine unless the output has required members.
            if (output != null) {
                checkStructure(requiredShape(output.get("shape").asText()), MAPPER.createObjectNode(), operation,
                        problems);
            }
            return problems;
        }
        Optional<JsonNode> document = parse(response, problems);
        if (document.isEmpty()) {
            return problems;
        }
        if (output == null) {
            if (!document.get().isObject() || !document.get().isEmpty()) {
                problems.add(operation + " has no output in the model but answered " + document.get());
            }
            return problems;
        }
        problems.addAll(outputViolations(operation, document.get()));
        return problems;
    }

    /** Every problem with an output document of {@code operation}. */
    public List<String> outputViolations(String operation, JsonNode document) {
        List<String> problems = new ArrayList<>();
        JsonNode output = model.operation(operation).get("output");
        if (output == null) {
            problems.add(operation + " has no output in the model");
            return problems;
        }
        check(output.get("shape").asText(), document, operation, problems);
        return problems;
    }

    /**
     * Every problem with an error response of {@code operation}: headers, a {@code __type} the
     * model declares for the operation (or a common error), only the members of that error's
     * shape, and the status the model gives it.
     */
    public List<String> errorViolations(String operation, ApiResponse response) {
        List<String> problems = new ArrayList<>(headerViolations(response));
        Optional<JsonNode> parsed = parse(response, problems);
        if (parsed.isEmpty()) {
            return problems;
        }
        JsonNode body = parsed.get();
        if (!body.isObject() || !body.path("__type").isTextual()) {
            problems.add("error body has no __type string: " + body);
            return problems;
        }
        String code = body.get("__type").asText();
        Optional<JsonNode> shape = model.shape(code).filter(s -> s.path("exception").asBoolean());
        if (shape.isEmpty()) {
            if (!COMMON_ERRORS.contains(code)) {
                problems.add(code + " is neither an error of the model nor a common error");
            }
            checkCommonError(code, body, response.status(), problems);
            return problems;
        }
        if (!declaredErrors(operation).contains(code)) {
            problems.add(code + " is not among the errors the model lists for " + operation);
        }
        int expectedStatus = shape.get().path("error").path("httpStatusCode")
                .asInt(shape.get().path("fault").asBoolean() ? 500 : 400);
        if (response.status() != expectedStatus) {
            problems.add(code + " answered status " + response.status() + ", the model says " + expectedStatus);
        }
        JsonNode members = shape.get().get("members");
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals("__type")) {
                continue;
            }
            Optional<String> member = memberNamed(members, field.getKey());
            if (member.isEmpty() && members.isEmpty() && isMessage(field.getKey())) {
                continue; // error shapes without members (CloudTrail's) still carry AWS's message
            }
            if (member.isEmpty()) {
                problems.add(code + "/" + field.getKey() + " is not a member of the model's error shape "
                        + fieldNames(members));
                continue;
            }
            check(members.get(member.get()).get("shape").asText(), field.getValue(), code + "/" + field.getKey(),
                    problems);
        }
        return problems;
    }

    private static void checkCommonError(String code, JsonNode body, int status, List<String> problems) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("__type") && !name.equals("message") && !name.equals("Message")) {
                problems.add(code + "/" + name + " is not a member of a common error");
            }
        }
        if (status < 400) {
            problems.add(code + " answered status " + status);
        }
    }

    private Set<String> declaredErrors(String operation) {
        Set<String> errors = new HashSet<>();
        for (JsonNode error : model.operation(operation).path("errors")) {
            errors.add(error.get("shape").asText());
        }
        return errors;
    }

    private static List<String> headerViolations(ApiResponse response) {
        List<String> problems = new ArrayList<>();
        String contentType = response.headers().get("Content-Type");
        if (!CONTENT_TYPE.equals(contentType)) {
            problems.add("Content-Type is " + contentType + ", not " + CONTENT_TYPE);
        }
        String requestId = response.headers().get("x-amzn-RequestId");
        if (requestId == null || requestId.isEmpty()) {
            problems.add("x-amzn-RequestId header is missing");
        }
        return problems;
    }

    private static Optional<JsonNode> parse(ApiResponse response, List<String> problems) {
        try {
            return Optional.of(MAPPER.readTree(response.body()));
        } catch (IOException e) {
            problems.add("body is not JSON: " + e.getMessage());
            return Optional.empty();
        }
    }

    private void check(String shapeName, JsonNode value, String path, List<String> problems) {
        JsonNode shape = requiredShape(shapeName);
        if (value.isNull()) {
            problems.add(path + " is null (absent members are left out, not null)");
            return;
        }
        String type = shape.get("type").asText();
        switch (type) {
            case "structure" -> {
                if (shape.path("document").asBoolean()) {
                    return; // a document is any JSON value
                }
                if (!value.isObject()) {
                    problems.add(path + " should be an object (structure) but is " + value.getNodeType());
                    return;
                }
                checkStructure(shape, value, path, problems);
            }
            case "list" -> {
                if (!value.isArray()) {
                    problems.add(path + " should be an array (list) but is " + value.getNodeType());
                    return;
                }
                checkSize(shape, value.size(), path, problems);
                int index = 0;
                for (JsonNode item : value) {
                    check(shape.get("member").get("shape").asText(), item, path + "[" + index++ + "]", problems);
                }
            }
            case "map" -> {
                if (!value.isObject()) {
                    problems.add(path + " should be an object (map) but is " + value.getNodeType());
                    return;
                }
                checkSize(shape, value.size(), path, problems);
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    check(shape.get("key").get("shape").asText(), MAPPER.getNodeFactory().textNode(entry.getKey()),
                            path + " key '" + entry.getKey() + "'", problems);
                    check(shape.get("value").get("shape").asText(), entry.getValue(), path + "/" + entry.getKey(),
                            problems);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(path + " should be a string but is " + value.getNodeType());
                    return;
                }
                checkString(shape, value.asText(), path, problems);
            }
            case "integer", "long" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(path + " = " + value + " is not an " + type);
                }
            }
            case "float", "double" -> {
                if (!value.isNumber()) {
                    problems.add(path + " = " + value + " is not a " + type);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(path + " = " + value + " is not a boolean");
                }
            }
            case "timestamp" -> checkTimestamp(shape, value, path, problems);
            case "blob" -> {
                if (!value.isTextual() || !isBase64(value.asText())) {
                    problems.add(path + " = " + value + " is not a base64 blob");
                }
            }
            default -> problems.add(path + " has a shape type this checker does not know: " + type);
        }
    }

    private void checkStructure(JsonNode shape, JsonNode value, String path, List<String> problems) {
        JsonNode members = shape.get("members");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Optional<String> member = memberNamed(members, field.getKey());
            if (member.isEmpty()) {
                problems.add(path + "/" + field.getKey() + " is not a member of the model's shape");
                continue;
            }
            check(members.get(member.get()).get("shape").asText(), field.getValue(), path + "/" + field.getKey(),
                    problems);
        }
        for (JsonNode required : shape.path("required")) {
            String wireName = wireName(members, required.asText());
            JsonNode present = value.get(wireName);
            if (present == null || present.isNull()) {
                problems.add(path + "/" + wireName + " is required by the model but missing");
            }
        }
    }

    private static void checkString(JsonNode shape, String text, String path, List<String> problems) {
        if (shape.has("enum")) {
            boolean known = false;
            for (JsonNode allowed : shape.get("enum")) {
                known |= allowed.asText().equals(text);
            }
            if (!known) {
                problems.add(path + " = '" + text + "' is not one of the enum values " + shape.get("enum"));
            }
        }
        checkSize(shape, text.codePointCount(0, text.length()), path, problems);
        if (shape.has("pattern")) {
            try {
                // Model patterns are not implicitly anchored (Smithy): they carry ^ and $ where they anchor.
                if (!Pattern.compile(shape.get("pattern").asText()).matcher(text).find()) {
                    problems.add(path + " = '" + text + "' does not match the pattern " + shape.get("pattern").asText());
                }
            } catch (PatternSyntaxException e) {
                // a pattern Java cannot read is not ours to enforce
            }
        }
    }

    private static void checkSize(JsonNode shape, int size, String path, List<String> problems) {
        if (shape.has("min") && size < shape.get("min").asLong()) {
            problems.add(path + " has length " + size + ", below the model's minimum " + shape.get("min"));
        }
        if (shape.has("max") && size > shape.get("max").asLong()) {
            problems.add(path + " has length " + size + ", above the model's maximum " + shape.get("max"));
        }
    }

    private static void checkTimestamp(JsonNode shape, JsonNode value, String path, List<String> problems) {
        String format = shape.path("timestampFormat").asText("unixTimestamp");
        boolean ok = switch (format) {
            case "unixTimestamp" -> value.isNumber();
            case "iso8601", "rfc822" -> value.isTextual();
            default -> false;
        };
        if (!ok) {
            problems.add(path + " = " + value + " is not a timestamp in " + format + " form");
        }
    }

    private static boolean isBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private JsonNode requiredShape(String name) {
        return model.shape(name).orElseThrow(() -> new IllegalArgumentException("the model has no shape " + name));
    }

    private static boolean isMessage(String name) {
        return name.equals("message") || name.equals("Message");
    }

    private static Optional<String> memberNamed(JsonNode members, String wireName) {
        for (Iterator<String> names = members.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (wireName(members, name).equals(wireName)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static String wireName(JsonNode members, String member) {
        JsonNode node = members.get(member);
        return node.has("locationName") ? node.get("locationName").asText() : member;
    }

    private static List<String> fieldNames(JsonNode members) {
        List<String> names = new ArrayList<>();
        members.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
