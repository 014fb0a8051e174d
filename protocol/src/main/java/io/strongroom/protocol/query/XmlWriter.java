package io.strongroom.protocol.query;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Writes an XML response: element names are ours (constants of this code base), every value is
 * escaped ({@code & < >}, and {@code "} in the one attribute, the namespace). Values are also made
 * representable: characters XML 1.0 cannot carry become U+FFFD and a carriage return is written as
 * {@code &#13;} so that a parser does not turn it into a line feed. Written straight into a
 * string builder: a StAX writer per response cost more than the rest of a small call's rendering.
 *
 * <p>Conventions of the Query protocol: timestamps ISO-8601 UTC to the second, booleans
 * {@code true}/{@code false}, lists as {@code <member>} elements, maps as
 * {@code <entry><key/><value/></entry>}.
 */
public final class XmlWriter {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_INSTANT;

    private final StringBuilder out = new StringBuilder(512);
    private final Deque<String> open = new ArrayDeque<>();

    /** Starts a document whose root element declares {@code namespace} as the default namespace. */
    public XmlWriter(String rootElement, String namespace) {
        out.append('<').append(rootElement).append(" xmlns=\"");
        escape(xmlSafe(namespace), true);
        out.append("\">");
        open.push(rootElement);
    }

    /** Starts a document whose root element declares no namespace (S3's error documents). */
    public XmlWriter(String rootElement) {
        out.append('<').append(rootElement).append('>');
        open.push(rootElement);
    }

    public XmlWriter start(String name) {
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    /** Starts an element with attributes, written in the map's order (an ACL's xsi:type Grantee). */
    public XmlWriter start(String name, Map<String, String> attributes) {
        out.append('<').append(name);
        attributes.forEach((attribute, value) -> {
            out.append(' ').append(attribute).append("=\"");
            escape(xmlSafe(value), true);
            out.append('"');
        });
        out.append('>');
        open.push(name);
        return this;
    }

    public XmlWriter end() {
        if (open.size() <= 1) {
            throw new IllegalStateException("end() without a matching start()");
        }
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    public XmlWriter element(String name, String value) {
        start(name);
        text(value);
        return end();
    }

    /** Writes the element only when the value is present. */
    public XmlWriter element(String name, Optional<String> value) {
        value.ifPresent(v -> element(name, v));
        return this;
    }

    public XmlWriter element(String name, long value) {
        return element(name, Long.toString(value));
    }

    public XmlWriter element(String name, boolean value) {
        return element(name, Boolean.toString(value));
    }

    public XmlWriter element(String name, Instant value) {
        return element(name, timestamp(value));
    }

    /** {@code <name><member>…</member>…</name>}, each member's content written by {@code writeMember}. */
    public <T> XmlWriter list(String name, Collection<T> items, BiConsumer<XmlWriter, T> writeMember) {
        start(name);
        for (T item : items) {
            start("member");
            writeMember.accept(this, item);
            end();
        }
        return end();
    }

    public XmlWriter stringList(String name, Collection<String> items) {
        return list(name, items, XmlWriter::text);
    }

    /** {@code <name><entry><key>k</key><value>v</value></entry>…</name>}. */
    public XmlWriter map(String name, Map<String, String> entries) {
        start(name);
        entries.forEach((key, value) -> start("entry").element("key", key).element("value", value).end());
        return end();
    }

    /** Character content of the current element. */
    public XmlWriter text(String value) {
        escape(xmlSafe(value), false);
        return this;
    }

    /** Closes every open element and returns the document. */
    public String finish() {
        while (!open.isEmpty()) {
            out.append("</").append(open.pop()).append('>');
        }
        return out.toString();
    }

    /** Appends {@code value}, copying the runs that need no escaping whole. */
    private void escape(String value, boolean attribute) {
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            String entity = entity(value.charAt(i), attribute);
            if (entity != null) {
                out.append(value, run, i).append(entity);
                run = i + 1;
            }
        }
        out.append(value, run, value.length());
    }

    private static String entity(char c, boolean attribute) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '\r' -> "&#13;";
            case '"' -> attribute ? "&quot;" : null;
            default -> null;
        };
    }

    /** ISO-8601 UTC to the second: {@code 2026-01-01T00:00:00Z}. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Replaces what XML 1.0 cannot represent (control characters, lone surrogates) with U+FFFD. */
    static String xmlSafe(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(value.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!ok && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (out != null) {
                out.append(ok ? c : '\uFFFD');
            }
        }
        return out == null ? value : out.toString();
    }
}
