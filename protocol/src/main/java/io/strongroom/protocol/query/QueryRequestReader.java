package io.strongroom.protocol.query;

import io.strongroom.protocol.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the parameters of an AWS Query request: the query string, plus for POST the form body
 * ({@code application/x-www-form-urlencoded}, UTF-8; a content type without a charset is accepted).
 * SigV4 presigning parameters ({@code X-Amz-*}) are the authenticator's business and are dropped.
 */
public final class QueryRequestReader {
    private static final String FORM_TYPE = "application/x-www-form-urlencoded";

    private QueryRequestReader() {
    }

    public static QueryParameters read(ApiRequest request) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>(FormDecoder.decodeQueryString(request.rawQuery()));
        if (request.method().equalsIgnoreCase("POST") && request.body().length > 0) {
            requireFormContentType(request);
            // ISO-8859-1 maps each byte to one char, so FormDecoder sees (and rejects) any non-ASCII byte.
            pairs.addAll(FormDecoder.decode(new String(request.body(), StandardCharsets.ISO_8859_1)));
            if (pairs.size() > FormDecoder.MAX_PARAMETERS) {
                throw FormDecoder.tooManyParameters();
            }
        }
        pairs.removeIf(pair -> pair.getKey().regionMatches(true, 0, "X-Amz-", 0, 6));
        return QueryParameters.of(pairs);
    }

    /** The Action named by the request, read leniently for metrics: empty when it cannot be told. */
    public static String actionOrEmpty(ApiRequest request) {
        return QueryAction.find(request).orElse("");
    }

    /** Whether {@link #read} would decode the body: a POST with a body that is (or does not say it is not) a form. */
    static boolean hasFormBody(ApiRequest request) {
        if (!request.method().equalsIgnoreCase("POST") || request.body().length == 0) {
            return false;
        }
        String type = request.header("Content-Type").orElse(FORM_TYPE);
        return type.split(";", 2)[0].trim().equalsIgnoreCase(FORM_TYPE);
    }

    private static void requireFormContentType(ApiRequest request) {
        String contentType = request.header("Content-Type").orElse(FORM_TYPE);
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase(FORM_TYPE)) {
            throw QueryErrors.malformedQuery("the body must be " + FORM_TYPE);
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("charset=")) {
                String charset = parameter.substring("charset=".length()).replace("\"", "");
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    throw QueryErrors.malformedQuery("the body must be encoded in UTF-8");
                }
            }
        }
    }
}
