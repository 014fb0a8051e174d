package io.strongroom.policy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed and validated IAM policy document, compiled for evaluation: wildcard patterns are split,
 * actions lower-cased and condition values parsed once, here, so deciding a request allocates little.
 *
 * <p>Every grammar fault throws {@link MalformedPolicyDocumentException} (MalformedPolicyDocument, 400)
 * whose message names the fault, in IAM's wording where IAM has one.
 */
public final class PolicyDocument {
    /** The longest document the IAM API accepts (its PolicyDocument parameter's maximum length). */
    public static final int MAX_LENGTH = 131_072;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");

    private final String json;
    private final PolicyVersion version;
    private final String id;
    private final PolicyKind kind;
    private final List<Statement> statements;
    private final StatementIndex index;

    private PolicyDocument(String json, PolicyVersion version, String id, PolicyKind kind, List<Statement> statements) {
        this.json = json;
        this.version = version;
        this.id = id;
        this.kind = kind;
        this.statements = statements;
        this.index = new StatementIndex(statements);
    }

    /** Parses and validates an identity-based policy (no Principal); a missing Version means 2008-10-17. */
    public static PolicyDocument parse(String json) {
        return parse(json, PolicyKind.IDENTITY);
    }

    /**
     * Parses and validates a document of the given kind: identity policies must not name a Principal,
     * resource and trust policies must; trust policies must not name a Resource.
     */
    public static PolicyDocument parse(String json, PolicyKind kind) {
        requireNonNull(kind, "kind");
        if (json == null || json.isBlank()) {
            throw PolicyErrors.syntax("The policy document is empty.");
        }
        if (json.length() > MAX_LENGTH) {
            throw PolicyErrors.of("The policy document is " + json.length()
                    + " characters long; the maximum is " + MAX_LENGTH + ".");
        }
        JsonNode root = readJson(json);
        if (!root.isObject()) {
            throw PolicyErrors.syntax("The policy document must be a JSON object.");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TOP_LEVEL.contains(name)) {
                throw PolicyErrors.syntax("Unknown element " + name + " at the top level of the policy.");
            }
        }
        PolicyVersion version = version(root.get("Version"));
        String id = id(root.get("Id"));
        List<Statement> statements = statements(root.get("Statement"), kind, version == PolicyVersion.V2012_10_17);
        return new PolicyDocument(json, version, id, kind, statements);
    }

    /**
     * A document that denies every action on every resource (to every caller, for the kinds that name
     * one): what a policy that should bind but cannot be read stands for. Deny on doubt.
     */
    public static PolicyDocument denyAll(PolicyKind kind) {
        String statement = switch (kind) {
            case IDENTITY -> "\"Action\":\"*\",\"Resource\":\"*\"";
            case RESOURCE, RESOURCE_CONTROL -> "\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"";
            case TRUST -> "\"Principal\":\"*\",\"Action\":\"*\"";
        };
        return parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\"," + statement + "}]}", kind);
    }

    /**
     * Parses a customer managed policy: as {@link #parse(String)} and the document must declare version
     * 2012-10-17, as IAM requires for managed policies.
     */
    public static PolicyDocument parseManaged(String json) {
        PolicyDocument document = parse(json, PolicyKind.IDENTITY);
        if (document.version != PolicyVersion.V2012_10_17) {
            throw PolicyErrors.of("Policy document must be version 2012-10-17 or greater.");
        }
        return document;
    }

    /**
     * A resource policy of one Allow statement for one AWS principal, built rather than written: how a
     * service expresses a permission it keeps in its own form (a KMS grant) so the evaluator can weigh it
     * with everything else.
     *
     * @param conditions operator -> condition key -> values, as a policy's Condition element
     */
    public static PolicyDocument allowStatement(String sid, String awsPrincipal, List<String> actions,
                                                Map<String, Map<String, List<String>>> conditions) {
        ObjectNode statement = JSON.createObjectNode().put("Sid", sid).put("Effect", "Allow");
        statement.putObject("Principal").put("AWS", awsPrincipal);
        ArrayNode actionNodes = statement.putArray("Action");
        actions.forEach(actionNodes::add);
        statement.put("Resource", "*");
        if (!conditions.isEmpty()) {
            ObjectNode condition = statement.putObject("Condition");
            conditions.forEach((operator, keys) -> {
                ObjectNode byKey = condition.putObject(operator);
                keys.forEach((key, values) -> {
                    ArrayNode valueNodes = byKey.putArray(key);
                    values.forEach(valueNodes::add);
                });
            });
        }
        ObjectNode document = JSON.createObjectNode().put("Version", "2012-10-17");
        document.putArray("Statement").add(statement);
        return parse(document.toString(), PolicyKind.RESOURCE);
    }

    /**
     * This document with the statements of others appended, as one policy: its text, Id and version
     * stay this document's (the added statements have no position in it).
     */
    public PolicyDocument withStatementsOf(List<PolicyDocument> others) {
        if (others.isEmpty()) {
            return this;
        }
        List<Statement> all = new ArrayList<>(statements);
        others.forEach(other -> all.addAll(other.statements));
        return new PolicyDocument(json, version, id, kind, List.copyOf(all));
    }

    /**
     * This document with its Deny statements alone: what a bucket policy still says of an object another
     * account owns, which it can refuse but not grant (as in S3).
     */
    public PolicyDocument denyStatementsOnly() {
        return new PolicyDocument(json, version, id, kind,
                statements.stream().filter(statement -> statement.effect() == Effect.DENY).toList());
    }

    /** The document text as it was given. */
    public String json() {
        return json;
    }

    /** The declared version; 2008-10-17 when the document has none. */
    public PolicyVersion version() {
        return version;
    }

    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    public PolicyKind kind() {
        return kind;
    }

    public int statementCount() {
        return statements.size();
    }

    List<Statement> statements() {
        return statements;
    }

    /**
     * Where the statement with this Sid (or, without one, at this zero-based index) stands in {@link #json()},
     * for the StartPosition and EndPosition of IAM's policy simulator. Computed when asked, never while deciding.
     *
     * @param sidOrIndex as a {@link Decision.MatchedStatement} names the statement
     */
    public Optional<StatementPosition> statementPosition(String sidOrIndex) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).sidOrIndex().equals(sidOrIndex)) {
                List<StatementPosition> positions = StatementLocator.locate(json);
                return i < positions.size() ? Optional.of(positions.get(i)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The statements that may match an action of the given lower-cased service, in document order. */
    Statement[] candidates(String service) {
        return index.candidates(service);
    }

    private static JsonNode readJson(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw PolicyErrors.syntax("The policy document is empty.");
            }
            return root;
        } catch (JsonProcessingException e) {
            // The parser's own message can quote the input at length; keep only where it failed.
            var location = e.getLocation();
            String at = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw PolicyErrors.syntax("The document is not valid JSON" + at + ".");
        }
    }

    private static PolicyVersion version(JsonNode node) {
        if (node == null) {
            return PolicyVersion.V2008_10_17;
        }
        PolicyVersion version = node.isTextual() ? PolicyVersion.fromText(node.textValue()) : null;
        if (version == null) {
            throw PolicyErrors.of("The policy failed legacy parsing: Version must be \"2012-10-17\" or \"2008-10-17\".");
        }
        return version;
    }

    private static String id(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw PolicyErrors.syntax("Id must be a string.");
        }
        return node.textValue();
    }

    private static List<Statement> statements(JsonNode node, PolicyKind kind, boolean variables) {
        if (node == null) {
            throw PolicyErrors.syntax("The policy must contain a Statement element.");
        }
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else if (node.isObject()) {
            items.add(node);
        } else {
            throw PolicyErrors.syntax("Statement must be an object or an array of objects.");
        }
        if (items.isEmpty()) {
            throw PolicyErrors.syntax("Statement must contain at least one statement.");
        }
        StatementParser parser = new StatementParser(kind, variables);
        Set<String> sids = new HashSet<>();
        List<Statement> statements = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Statement statement = parser.parse(items.get(i), i);
            JsonNode sid = items.get(i).get("Sid");
            if (sid != null && !sid.textValue().isEmpty() && !sids.add(sid.textValue())) {
                throw PolicyErrors.of("Statement IDs (SID) in a single policy must be unique. Duplicate: "
                        + sid.textValue());
            }
            statements.add(statement);
        }
        return List.copyOf(statements);
    }

    @Override
    public String toString() {
        return "PolicyDocument[version=" + version.text() + ", kind=" + kind + ", statements=" + statements.size() + "]";
    }
}
