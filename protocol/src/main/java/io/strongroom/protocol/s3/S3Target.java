package io.strongroom.protocol.s3;

import io.strongroom.core.AwsException;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.query.FormDecoder;
import io.strongroom.s3.naming.ObjectKeys;
import java.io.ByteArrayOutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an S3 request addresses: the bucket and key from a path-style URL ({@code /bucket/key}) or a
 * virtual-hosted one ({@code bucket.<base domain>/key}), and its query parameters.
 *
 * @param bucket empty for the service itself (ListBuckets)
 * @param key    empty for the bucket itself
 */
record S3Target(Optional<String> bucket, Optional<String> key, Map<String, String> query) {

    static S3Target of(ApiRequest request, Optional<String> virtualHostDomain) {
        Map<String, String> query = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : FormDecoder.decodeQueryString(request.rawQuery())) {
            query.putIfAbsent(pair.getKey(), pair.getValue());
        }
        query = Collections.unmodifiableMap(query);
        String path = request.rawPath();
        Optional<String> hostBucket = virtualHostDomain.flatMap(domain -> bucketOfHost(request, domain));
        if (hostBucket.isPresent()) {
            String key = path.startsWith("/") ? path.substring(1) : path;
            return new S3Target(hostBucket, key.isEmpty() ? Optional.empty() : Optional.of(decode(key)), query);
        }
        String rest = path.startsWith("/") ? path.substring(1) : path;
        if (rest.isEmpty()) {
            return new S3Target(Optional.empty(), Optional.empty(), query);
        }
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return new S3Target(Optional.of(decode(rest)), Optional.empty(), query);
        }
        String key = rest.substring(slash + 1);
        return new S3Target(Optional.of(decode(rest.substring(0, slash))),
                key.isEmpty() ? Optional.empty() : Optional.of(decode(key)), query);
    }

    boolean has(String parameter) {
        return query.containsKey(parameter);
    }

    Optional<String> parameter(String name) {
        return Optional.ofNullable(query.get(name));
    }

    private static Optional<String> bucketOfHost(ApiRequest request, String domain) {
        Optional<String> host = request.header("Host").map(h -> h.toLowerCase(Locale.ROOT));
        if (host.isEmpty()) {
            return Optional.empty();
        }
        String name = host.get();
        int colon = name.lastIndexOf(':');
        if (colon > 0 && name.indexOf(']') < colon) {
            name = name.substring(0, colon);
        }
        String suffix = "." + domain.toLowerCase(Locale.ROOT);
        return name.endsWith(suffix) && name.length() > suffix.length()
                ? Optional.of(name.substring(0, name.length() - suffix.length())) : Optional.empty();
    }

    /** Percent-decodes a path segment to UTF-8 text, refusing malformed escapes and byte sequences. */
    static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw invalidUri();
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw invalidUri();
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                throw invalidUri();
            }
        }
        return ObjectKeys.decodeUtf8Strict(bytes.toByteArray());
    }

    private static AwsException invalidUri() {
        return new AwsException("InvalidURI", 400, "Couldn't parse the specified URI.");
    }

    static List<String> subresources(Map<String, String> query) {
        return query.keySet().stream().filter(S3Operations.SUBRESOURCES::contains).toList();
    }
}
