package io.strongroom.sigv4;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The canonical query string: every parameter re-encoded the SigV4 way, sorted by encoded name then
 * value; a presigned request leaves out its own {@code X-Amz-Signature}.
 */
final class CanonicalQuery {
    private CanonicalQuery() {
    }

    static String of(QueryParameters query, boolean presigned) {
        List<Map.Entry<String, String>> encoded = new ArrayList<>();
        for (QueryParameters.Parameter parameter : query.all()) {
            if (presigned && parameter.name().equals(PresignedQueryParser.SIGNATURE)) {
                continue;
            }
            encoded.add(Map.entry(parameter.encodedName(), parameter.encodedValue()));
        }
        // Encoded text is ASCII, so String order is byte order as the specification requires.
        encoded.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> entry : encoded) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(entry.getKey()).append('=').append(entry.getValue());
        }
        return out.toString();
    }

}
