package io.strongroom.protocol.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A call's parameters and results as CloudTrail writes them in {@code requestParameters} and
 * {@code responseElements}: trees of strings, integers, booleans, lists and maps whose member
 * names start in lower case ({@code userName}, {@code tags[0].key}). Read from each protocol's
 * wire form, so every operation of every service is described the same way without per-operation
 * code. Values are kept as sent; secrets are hidden later by the audit trail's redaction.
 */
public final class AuditValues {
    /** Buffers from a shared pool, as each request's virtual thread is new. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build());
    /** Deeper input is summarised: a record must stay readable and within the canonical form's limits. */
    static final int MAX_DEPTH = 32;
    static final String TOO_DEEP = "(nested too deeply to record)";
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private AuditValues() {
    }

    /** Query parameters ({@code Tags.member.1.Key=k}) as a tree ({@code {"tags":[{"key":"k"}]}}). */
    public static Map<String, Object> fromQueryParameters(Map<String, String> flat) {
        Map<String, Object> root = new LinkedHashMap<>();
        flat.forEach((name, value) -> insert(root, name.split("\\.", -1), 0, value));
        Map<String, Object> tree = asLists(root);
        return tree.isEmpty() ? null : tree;
    }

    private static void insert(Map<String, Object> node, String[] parts, int index, String value) {
        if (index >= MAX_DEPTH) {
            return;
        }
        String name = lowerFirst(parts[index]);
        if (index == parts.length - 1) {
            node.putIfAbsent(name, value);
            return;
        }
        if (index + 2 < parts.length && isListMarker(parts[index + 1]) && isIndex(parts[index + 2])) {
            if (!(node.computeIfAbsent(name, key -> new IndexedItems()) instanceof IndexedItems items)) {
                return; // the same name used as a value and a list: keep the first, as sent
            }
            int position = Integer.parseInt(parts[index + 2]);
            if (index + 3 == parts.length) {
                items.putIfAbsent(position, value);
            } else if (items.computeIfAbsent(position, key -> new LinkedHashMap<String, Object>())
                    instanceof Map<?, ?> child) {
                insert(cast(child), parts, index + 3, value);
            }
            return;
        }
        if (node.computeIfAbsent(name, key -> new LinkedHashMap<String, Object>()) instanceof Map<?, ?> child) {
            insert(cast(child), parts, index + 1, value);
        }
    }

    /** Items of a Query list by their 1-based index, turned into a list in index order. */
    private static final class IndexedItems extends TreeMap<Integer, Object> {
    }

    private static boolean isListMarker(String part) {
        return part.equals("member") || part.equals("entry");
    }

    private static boolean isIndex(String part) {
        return !part.isEmpty() && part.length() <= 4 && part.chars().allMatch(Character::isDigit);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static Map<String, Object> asLists(Map<String, Object> node) {
        Map<String, Object> result = new LinkedHashMap<>();
        node.forEach((name, value) -> result.put(name, asListsValue(value)));
        return result;
    }

    private static Object asListsValue(Object value) {
        if (value instanceof IndexedItems items) {
            List<Object> list = new ArrayList<>(items.size());
            items.values().forEach(item -> list.add(asListsValue(item)));
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            return asLists(cast(map));
        }
        return value;
    }

    /**
     * The content of a Query response's {@code <ActionResult>} element; null when the response has
     * none (a call that returns nothing) or cannot be read. Lists ({@code member} children) become
     * lists; elements without children become strings.
     */
    public static Map<String, Object> fromQueryXmlResult(byte[] xml) {
        try {
            XMLStreamReader reader = xmlFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                int depth = 0;
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        if (depth == 2 && reader.getLocalName().endsWith("Result")) {
                            Object content = readElement(reader, 0);
                            return content instanceof Map<?, ?> map && !map.isEmpty() ? cast(map) : null;
                        }
                        if (depth == 2) {
                            skipElement(reader);
                            depth--;
                        }
                    } else if (reader.getEventType() == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    }
                }
                return null;
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            return null;
        }
    }

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    /** Reads the element the reader is on, up to its end tag. */
    private static Object readElement(XMLStreamReader reader, int depth) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        Map<String, Object> members = new LinkedHashMap<>();
        List<Object> items = new ArrayList<>();
        boolean sawChild = false;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                sawChild = true;
                String name = reader.getLocalName();
                Object child = depth >= MAX_DEPTH ? skipElement(reader) : readElement(reader, depth + 1);
                if (name.equals("member")) {
                    items.add(child);
                } else {
                    members.put(lowerFirst(name), child);
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(reader.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        if (!sawChild) {
            return text.toString();
        }
        return members.isEmpty() ? items : members;
    }

    private static String skipElement(XMLStreamReader reader) throws XMLStreamException {
        int open = 1;
        while (open > 0 && reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                open++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                open--;
            }
        }
        return TOO_DEEP;
    }

    /** A JSON object body as a tree; null when it is empty, not an object, or not JSON. */
    public static Map<String, Object> fromJsonObject(byte[] json) {
        if (json.length == 0) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                return null;
            }
            Object tree = fromJsonNode(node, 0);
            return tree instanceof Map<?, ?> map && !map.isEmpty() ? cast(map) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Object fromJsonNode(JsonNode node, int depth) {
        if (depth >= MAX_DEPTH && node.isContainerNode()) {
            return TOO_DEEP;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                map.put(lowerFirst(field.getKey()), fromJsonNode(field.getValue(), depth + 1));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(fromJsonNode(item, depth + 1)));
            return list;
        }
        if (node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.canConvertToExactIntegral() && node.canConvertToLong()
                && Math.abs(node.longValue()) <= MAX_SAFE_INTEGER) {
            return node.longValue();
        }
        // fractions (JSON timestamps) and huge integers: the canonical form holds safe integers only
        return node.isNumber() ? node.asText() : node.textValue();
    }

    static String lowerFirst(String name) {
        if (name.isEmpty() || Character.isLowerCase(name.charAt(0))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
