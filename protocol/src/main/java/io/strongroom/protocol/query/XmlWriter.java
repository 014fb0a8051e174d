package io.strongroom.protocol.query;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an XML response over the JDK's {@link XMLStreamWriter}: element names are ours, every value
 * goes through the writer's escaping. Values are also made representable: characters XML 1.0
 * cannot carry become U+FFFD and a carriage return is written as {@code &#13;} so that a parser
 * does not turn it into a line feed.
 *
 * <p>Conventions of the Query protocol: timestamps ISO-8601 UTC to the second, booleans
 * {@code true}/{@code false}, lists as {@code <member>} elements, maps as
 * {@code <entry><key/><value/></entry>}.
 */
public final class XmlWriter {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_INSTANT;

    private final StringWriter buffer = new StringWriter();
    private final XMLStreamWriter xml;
    private int depth;

    /** Starts a document whose root element declares {@code namespace} as the default namespace. */
    public XmlWriter(String rootElement, String namespace) {
        try {
            // A factory per document: cheap, and the API does not promise that a shared one is thread-safe.
            xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(buffer);
            xml.writeStartElement(rootElement);
            xml.writeDefaultNamespace(namespace);
            depth = 1;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot start an XML document", e);
        }
    }

    public XmlWriter start(String name) {
        try {
            xml.writeStartElement(name);
            depth++;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    public XmlWriter end() {
        if (depth <= 1) {
            throw new IllegalStateException("end() without a matching start()");
        }
        try {
            xml.writeEndElement();
            depth--;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
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
        String safe = xmlSafe(value);
        try {
            int runStart = 0;
            for (int i = 0; i < safe.length(); i++) {
                if (safe.charAt(i) == '\r') {
                    xml.writeCharacters(safe.substring(runStart, i));
                    xml.writeEntityRef("#13");
                    runStart = i + 1;
                }
            }
            xml.writeCharacters(safe.substring(runStart));
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes every open element and returns the document. */
    public String finish() {
        try {
            while (depth > 0) {
                xml.writeEndElement();
                depth--;
            }
            xml.writeEndDocument();
            xml.flush();
            return buffer.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
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
