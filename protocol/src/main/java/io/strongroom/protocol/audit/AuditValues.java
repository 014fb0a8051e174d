package io.strongroom.protocol.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
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
    private static final JsonFactory JSON = JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build();
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

    /**
     * A JSON object body as a tree; null when it is empty, not an object, or not JSON. Read token
     * by token into the tree, without an intermediate tree of Jackson's nodes: it runs on every call.
     */
    public static Map<String, Object> fromJsonObject(byte[] json) {
        if (json.length == 0) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Object tree = fromJsonValue(parser, 0);
            return tree instanceof Map<?, ?> map && !map.isEmpty() ? cast(map) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The value at the parser's current token, which is consumed whole. */
    private static Object fromJsonValue(JsonParser parser, int depth) throws IOException {
        JsonToken token = parser.currentToken();
        if (depth >= MAX_DEPTH && token.isStructStart()) {
            parser.skipChildren();
            return TOO_DEEP;
        }
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = lowerFirst(parser.currentName());
                    parser.nextToken();
                    map.put(name, fromJsonValue(parser, depth + 1));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(fromJsonValue(parser, depth + 1));
                }
                yield list;
            }
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? parser.getBigIntegerValue().toString() : safeInteger(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> wholeNumber(parser.getDoubleValue());
            default -> null; // VALUE_NULL
        };
    }

    /** The canonical form holds safe integers only: a larger one is kept as its digits. */
    private static Object safeInteger(long value) {
        return Math.abs(value) <= MAX_SAFE_INTEGER ? (Object) value : Long.toString(value);
    }

    /** A fraction (a JSON timestamp) as its text; a whole number written with a fraction part as an integer. */
    private static Object wholeNumber(double value) {
        if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) <= MAX_SAFE_INTEGER) {
            return (long) value;
        }
        return Double.toString(value);
    }

    static String lowerFirst(String name) {
        if (name.isEmpty() || Character.isLowerCase(name.charAt(0))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
