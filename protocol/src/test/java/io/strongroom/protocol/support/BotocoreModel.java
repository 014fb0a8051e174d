package io.strongroom.protocol.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A botocore service model (the machine's installed botocore is the reference for AWS shapes) and
 * a checker of Query XML results against its output shapes.
 */
public final class BotocoreModel {
    private final JsonNode metadata;
    private final JsonNode operations;
    private final JsonNode shapes;

    private BotocoreModel(JsonNode model) {
        this.metadata = model.get("metadata");
        this.operations = model.get("operations");
        this.shapes = model.get("shapes");
    }

    /** Loads {@code data/<service>/<version>/service-2.json[.gz]}; empty when python3 or botocore is missing. */
    public static Optional<BotocoreModel> load(String service, String version) {
        Optional<Path> botocore = botocoreDirectory();
        if (botocore.isEmpty()) {
            return Optional.empty();
        }
        Path dir = botocore.get().resolve("data").resolve(service).resolve(version);
        try {
            Path plain = dir.resolve("service-2.json");
            Path gzipped = dir.resolve("service-2.json.gz");
            if (Files.exists(plain)) {
                return Optional.of(new BotocoreModel(new ObjectMapper().readTree(plain.toFile())));
            }
            if (Files.exists(gzipped)) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(gzipped))) {
                    return Optional.of(new BotocoreModel(new ObjectMapper().readTree(in)));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the botocore model in " + dir, e);
        }
    }

    private static Optional<Path> botocoreDirectory() {
        try {
            Process process = new ProcessBuilder("python3", "-c",
                    "import botocore,os;print(os.path.dirname(botocore.__file__))")
                    .redirectErrorStream(false).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0 || out.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Path.of(out));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    public boolean hasOperation(String name) {
        return operations.has(name);
    }

    /** The model's metadata: {@code protocol}, {@code targetPrefix}, {@code jsonVersion}… */
    public JsonNode metadata() {
        return metadata;
    }

    /** An operation's entry ({@code input}, {@code output}, {@code errors}…); fails for an unknown one. */
    public JsonNode operation(String name) {
        JsonNode operation = operations.get(name);
        if (operation == null) {
            throw new IllegalArgumentException("the model has no operation " + name);
        }
        return operation;
    }

    /** A shape by name, or empty. */
    public Optional<JsonNode> shape(String name) {
        return Optional.ofNullable(shapes.get(name));
    }

    /** Whether the operation's output has a result wrapper ({@code <OpResult>}). */
    public boolean hasResult(String operation) {
        JsonNode output = operations.get(operation).get("output");
        return output != null && output.has("resultWrapper");
    }

    /**
     * Every problem with a result element: a child that is not a member of the output shape
     * (recursively through structures, lists and maps), a missing required member, a scalar whose
     * text is not of the member's type.
     */
    public List<String> violations(String operation, Element result) {
        List<String> problems = new ArrayList<>();
        String outputShape = operations.get(operation).get("output").get("shape").asText();
        check(outputShape, result, operation + "Result", problems);
        return problems;
    }

    private void check(String shapeName, Element element, String path, List<String> problems) {
        JsonNode shape = shapes.get(shapeName);
        switch (shape.get("type").asText()) {
            case "structure" -> checkStructure(shape, element, path, problems);
            case "list" -> checkList(shape, element, path, problems);
            case "map" -> checkMap(shape, element, path, problems);
            default -> checkScalar(shape.get("type").asText(), element, path, problems);
        }
    }

    private void checkStructure(JsonNode shape, Element element, String path, List<String> problems) {
        JsonNode members = shape.get("members");
        Set<String> seen = new HashSet<>();
        for (Element child : children(element)) {
            String name = child.getLocalName();
            Optional<String> member = memberNamed(members, name);
            if (member.isEmpty()) {
                problems.add(path + "/" + name + " is not a member of the model's shape");
                continue;
            }
            if (!seen.add(name)) {
                problems.add(path + "/" + name + " appears twice");
            }
            check(members.get(member.get()).get("shape").asText(), child, path + "/" + name, problems);
        }
        if (shape.has("required")) {
            for (JsonNode required : shape.get("required")) {
                String wireName = wireName(members, required.asText());
                if (!seen.contains(wireName)) {
                    problems.add(path + "/" + wireName + " is required by the model but missing");
                }
            }
        }
        if (hasText(element)) {
            problems.add(path + " is a structure but has text");
        }
    }

    private void checkList(JsonNode shape, Element element, String path, List<String> problems) {
        JsonNode member = shape.get("member");
        String memberName = member.has("locationName") ? member.get("locationName").asText() : "member";
        int index = 0;
        for (Element child : children(element)) {
            index++;
            if (!child.getLocalName().equals(memberName)) {
                problems.add(path + "/" + child.getLocalName() + " should be <" + memberName + ">");
                continue;
            }
            check(member.get("shape").asText(), child, path + "/" + memberName + "[" + index + "]", problems);
        }
    }

    private void checkMap(JsonNode shape, Element element, String path, List<String> problems) {
        for (Element entry : children(element)) {
            if (!entry.getLocalName().equals("entry")) {
                problems.add(path + "/" + entry.getLocalName() + " should be <entry>");
                continue;
            }
            for (Element part : children(entry)) {
                switch (part.getLocalName()) {
                    case "key" -> check(shape.get("key").get("shape").asText(), part, path + "/entry/key", problems);
                    case "value" -> check(shape.get("value").get("shape").asText(), part, path + "/entry/value", problems);
                    default -> problems.add(path + "/entry/" + part.getLocalName() + " is not key or value");
                }
            }
        }
    }

    private static void checkScalar(String type, Element element, String path, List<String> problems) {
        if (!children(element).isEmpty()) {
            problems.add(path + " is a " + type + " but has child elements");
            return;
        }
        String text = element.getTextContent();
        boolean ok = switch (type) {
            case "integer", "long" -> text.matches("-?\\d+");
            case "boolean" -> text.equals("true") || text.equals("false");
            case "timestamp" -> parses(text) && text.endsWith("Z");
            default -> true;
        };
        if (!ok) {
            problems.add(path + " = '" + text + "' is not a " + type);
        }
    }

    private static boolean parses(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
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

    private static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }

    private static boolean hasText(Element element) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.TEXT_NODE && !node.getTextContent().isBlank()) {
                return true;
            }
        }
        return false;
    }
}
