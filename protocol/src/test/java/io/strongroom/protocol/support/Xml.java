package io.strongroom.protocol.support;

import io.strongroom.protocol.ApiResponse;
import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Parses response documents (namespace-aware, no external entities) and reads them by path. */
public final class Xml {
    private Xml() {
    }

    public static Document parse(byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new AssertionError("response is not well-formed XML: " + new String(bytes), e);
        }
    }

    public static Document parse(ApiResponse response) {
        return parse(response.body());
    }

    /** The text at a path of local names, e.g. {@code /ErrorResponse/Error/Code}. */
    public static String text(ApiResponse response, String path) {
        return text(parse(response), path);
    }

    public static String text(Document document, String path) {
        try {
            return XPathFactory.newInstance().newXPath().evaluate(localNames(path), document);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static int count(Document document, String path) {
        try {
            return ((NodeList) XPathFactory.newInstance().newXPath()
                    .evaluate(localNames(path), document, XPathConstants.NODESET)).getLength();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** {@code /A/B} becomes {@code /*[local-name()='A']/*[local-name()='B']} so namespaces need no prefixes. */
    private static String localNames(String path) {
        StringBuilder out = new StringBuilder();
        for (String step : path.substring(1).split("/")) {
            out.append("/*[local-name()='").append(step).append("']");
        }
        return out.toString();
    }
}
