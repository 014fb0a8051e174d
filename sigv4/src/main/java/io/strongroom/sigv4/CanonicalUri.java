package io.strongroom.sigv4;

import java.util.ArrayList;
import java.util.List;

/**
 * The canonical URI. For every service but S3 the path as sent is normalised (no {@code .} or {@code ..}
 * segments, no empty segments) and each segment is encoded once more, so the signed form is encoded
 * twice. S3 signs the path without normalisation, encoded exactly once (as sent).
 */
final class CanonicalUri {
    private CanonicalUri() {
    }

    static String of(String rawPath, String service) {
        return "s3".equals(service) ? encodedOnce(rawPath) : normalisedAndEncodedTwice(rawPath);
    }

    // S3 clients sign the path exactly as they encoded it for the wire, so it is taken verbatim.
    private static String encodedOnce(String rawPath) {
        return rawPath.startsWith("/") ? rawPath : "/" + rawPath;
    }

    private static String normalisedAndEncodedTwice(String rawPath) {
        StringBuilder out = new StringBuilder();
        for (String segment : normalisedSegments(rawPath)) {
            out.append('/').append(AwsUriEncoding.encode(segment));
        }
        if (out.isEmpty()) {
            return "/";
        }
        if (endsAsDirectory(rawPath)) {
            out.append('/');
        }
        return out.toString();
    }

    private static List<String> normalisedSegments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
                continue;
            }
            segments.add(segment);
        }
        return segments;
    }

    private static boolean endsAsDirectory(String rawPath) {
        // A trailing slash survives only when the client wrote one: "/a/b/.." signs as "/a".
        return rawPath.endsWith("/");
    }
}
