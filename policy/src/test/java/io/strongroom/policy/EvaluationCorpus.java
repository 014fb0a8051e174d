package io.strongroom.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.strongroom.policy.Decision.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the table-driven evaluation corpus ({@code evaluation-corpus/*.json} on the test class path, in the
 * format the corpus README describes) into requests, policy sets and scopes for the evaluator.
 */
final class EvaluationCorpus {
    static final String FOLDER = "evaluation-corpus";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** One file of the corpus: its topic and its raw cases. */
    record CorpusFile(String fileName, String topic, List<JsonNode> cases) {
    }

    /** One case, ready to evaluate. */
    record Case(String name, String doc, AuthorizationRequest request, PolicySet policies, AccessScope scope,
                Outcome expect, Optional<PolicyType> decidedBy) {
    }

    private EvaluationCorpus() {
    }

    /** Every corpus file, sorted by name. */
    static List<CorpusFile> files() {
        Path folder = folder();
        try (Stream<Path> paths = Files.list(folder)) {
            List<CorpusFile> files = new ArrayList<>();
            for (Path path : paths.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = JSON.readTree(Files.readString(path));
                List<JsonNode> cases = new ArrayList<>();
                root.path("cases").forEach(cases::add);
                files.add(new CorpusFile(path.getFileName().toString(), root.path("topic").asText(""), cases));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path folder() {
        URL url = EvaluationCorpus.class.getClassLoader().getResource(FOLDER);
        if (url == null) {
            throw new IllegalStateException("no " + FOLDER + " folder on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Case parse(JsonNode node) {
        String name = text(node, "name");
        JsonNode principal = required(node, "principal");
        String type = text(principal, "type");
        String account = principal.path("account").asText(null);
        RequestPrincipal caller = switch (type) {
            case "IAMUser" -> RequestPrincipal.iamIdentity(requireText(account, "principal.account"),
                    text(principal, "arn"));
            case "AssumedRole" -> RequestPrincipal.assumedRole(requireText(account, "principal.account"),
                    text(principal, "roleArn"), text(principal, "arn"));
            case "Root" -> RequestPrincipal.root(requireText(account, "principal.account"));
            case "Service" -> RequestPrincipal.service(text(principal, "service"));
            case "Anonymous" -> RequestPrincipal.anonymous();
            default -> throw new IllegalArgumentException("unknown principal type " + type);
        };
        String resourceAccount = node.path("resourceAccount").asText(null);
        boolean crossAccount = account != null && resourceAccount != null && !resourceAccount.equals(account);

        AuthorizationRequest request = new AuthorizationRequest(text(node, "action"), text(node, "resource"),
                context(node.path("context")));
        JsonNode policies = node.path("policies");
        PolicySet set = new PolicySet(
                policyList(policies.path("identity"), PolicyType.IDENTITY, PolicyKind.IDENTITY, "identity"),
                policyList(policies.path("boundary"), PolicyType.PERMISSIONS_BOUNDARY, PolicyKind.IDENTITY, "boundary"),
                policyList(policies.path("session"), PolicyType.SESSION, PolicyKind.IDENTITY, "session"));
        AccessScope scope = crossAccount ? AccessScope.crossAccount(caller) : AccessScope.sameAccount(caller);
        scope = scope.withServiceControlPolicies(chain(policies.path("scp"), PolicyType.SERVICE_CONTROL,
                PolicyKind.IDENTITY, "scp"));
        scope = scope.withResourceControlPolicies(chain(policies.path("rcp"), PolicyType.RESOURCE_CONTROL,
                PolicyKind.RESOURCE, "rcp"));
        JsonNode resource = policies.path("resource");
        if (!resource.isMissingNode() && !resource.isNull()) {
            scope = scope.withResourcePolicy(policy(resource, PolicyType.RESOURCE, PolicyKind.RESOURCE, "resource"));
        }
        Outcome expect = switch (text(node, "expect")) {
            case "Allow" -> Outcome.ALLOW;
            case "ExplicitDeny" -> Outcome.EXPLICIT_DENY;
            case "ImplicitDeny" -> Outcome.IMPLICIT_DENY;
            default -> throw new IllegalArgumentException("unknown expect " + node.path("expect"));
        };
        Optional<PolicyType> decidedBy = node.hasNonNull("decidedBy")
                ? Optional.of(PolicyType.valueOf(node.get("decidedBy").asText())) : Optional.empty();
        return new Case(name, node.path("doc").asText(""), request, set, scope, expect, decidedBy);
    }

    private static Map<String, List<String>> context(JsonNode node) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        node.properties().forEach(entry -> {
            List<String> values = new ArrayList<>();
            if (entry.getValue().isArray()) {
                entry.getValue().forEach(value -> values.add(value.asText()));
            } else {
                values.add(entry.getValue().asText());
            }
            keys.put(entry.getKey(), values);
        });
        return keys;
    }

    private static List<NamedPolicy> policyList(JsonNode node, PolicyType type, PolicyKind kind, String prefix) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            return List.of(policy(node, type, kind, prefix));
        }
        List<NamedPolicy> policies = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            policies.add(policy(node.get(i), type, kind, prefix + "[" + i + "]"));
        }
        return policies;
    }

    private static PolicyChain chain(JsonNode node, PolicyType type, PolicyKind kind, String prefix) {
        if (node.isMissingNode() || node.isNull()) {
            return PolicyChain.NONE;
        }
        List<List<NamedPolicy>> levels = new ArrayList<>();
        for (int level = 0; level < node.size(); level++) {
            levels.add(policyList(node.get(level), type, kind, prefix + "[" + level + "]"));
        }
        return PolicyChain.of(levels);
    }

    /** {@code {"name": …, "document": {…}}} or the document itself. */
    private static NamedPolicy policy(JsonNode node, PolicyType type, PolicyKind kind, String fallbackName) {
        boolean named = node.has("document") && !node.has("Statement");
        JsonNode document = named ? node.get("document") : node;
        String name = named ? node.path("name").asText(fallbackName) : fallbackName;
        String json = document.toString();
        PolicyKind parseAs = kind == PolicyKind.RESOURCE && !json.contains("\"Resource\"")
                && !json.contains("\"NotResource\"") ? PolicyKind.TRUST : kind;
        return new NamedPolicy(type, name, PolicyDocument.parse(json, parseAs));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        return required(node, field).asText();
    }

    private static String requireText(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }
}
