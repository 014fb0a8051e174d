package io.strongroom.protocol.s3;

import io.strongroom.core.AwsException;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.s3.S3Errors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A configuration document sent as a request body (CreateBucketConfiguration and the like): read up
 * to a bound, parsed without DTDs or external entities, its root checked. Anything else is MalformedXML.
 */
final class S3XmlInput {
    /** S3's configuration documents are small; a larger one is refused before it is parsed. */
    static final int MAX_DOCUMENT_BYTES = 1024 * 1024;
    private static final DocumentBuilderFactory FACTORY = secureFactory();

    private final Element root;

    private S3XmlInput(Element root) {
        this.root = root;
    }

    /** The body as a document with root {@code rootName}; empty when the body is empty. */
    static Optional<S3XmlInput> read(ApiRequest request, String rootName) {
        return parse(bounded(request), rootName);
    }

    /** A body already read as a document with root {@code rootName}; empty when the body is empty. */
    static Optional<S3XmlInput> parse(byte[] body, String rootName) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) { // a factory is not promised to be thread-safe
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(null);
            Element root = builder.parse(new ByteArrayInputStream(body)).getDocumentElement();
            if (!rootName.equals(root.getLocalName())) {
                throw malformed();
            }
            return Optional.of(new S3XmlInput(root));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw malformed();
        }
    }

    /** The text of a direct child element, if present. */
    Optional<String> text(String childName) {
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && childName.equals(child.getLocalName())) {
                return Optional.of(child.getTextContent().strip());
            }
        }
        return Optional.empty();
    }

    /** The text of a direct child element as sent, spaces kept (an object key may begin or end with one). */
    Optional<String> rawText(String childName) {
        return child(childName).map(child -> child.root.getTextContent());
    }

    /** The direct child elements named {@code childName}, in document order. */
    List<S3XmlInput> children(String childName) {
        List<S3XmlInput> children = new ArrayList<>();
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && childName.equals(child.getLocalName())) {
                children.add(new S3XmlInput(child));
            }
        }
        return children;
    }

    /** An attribute of this element in a namespace ({@code xsi:type}), if present. */
    Optional<String> attribute(String namespace, String localName) {
        return root.hasAttributeNS(namespace, localName) ? Optional.of(root.getAttributeNS(namespace, localName).strip())
                : Optional.empty();
    }

    /** The one direct child element named {@code childName}, if present. */
    Optional<S3XmlInput> child(String childName) {
        return children(childName).stream().findFirst();
    }

    /** The body read up to {@link #MAX_DOCUMENT_BYTES}; larger is MaxMessageLengthExceeded. */
    static byte[] bounded(ApiRequest request) {
        InputStream stream = request.bodyStream();
        if (stream == null) {
            return request.body();
        }
        try {
            byte[] body = stream.readNBytes(MAX_DOCUMENT_BYTES + 1);
            if (body.length > MAX_DOCUMENT_BYTES) {
                throw new AwsException("MaxMessageLengthExceeded", 400, "Your request was too big.");
            }
            return body;
        } catch (IOException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof AwsException reported) {
                    throw reported;
                }
            }
            throw new AwsException("IncompleteBody", 400, "The request body could not be read completely.", e);
        }
    }

    static AwsException malformed() {
        return S3Errors.malformedXml();
    }

    private static DocumentBuilderFactory secureFactory() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refuses secure processing", e);
        }
    }
}
