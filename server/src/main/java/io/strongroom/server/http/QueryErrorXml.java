package io.strongroom.server.http;

import io.strongroom.core.AwsException;
import io.strongroom.protocol.ApiResponse;
import java.util.Map;

/**
 * The AWS Query protocol's error document, used when no service's own renderer applies (the
 * service cannot be told, or Jetty rejected the request before it was parsed).
 */
final class QueryErrorXml {

    private QueryErrorXml() {
    }

    static ApiResponse render(AwsException error, String requestId) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                + "<Error><Type>" + (error.senderFault() ? "Sender" : "Receiver") + "</Type>"
                + "<Code>" + escape(error.code()) + "</Code>"
                + "<Message>" + escape(error.getMessage()) + "</Message></Error>"
                + "<RequestId>" + escape(requestId) + "</RequestId></ErrorResponse>";
        return new ApiResponse(error.httpStatus(), Map.of("Content-Type", "text/xml"),
                xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
