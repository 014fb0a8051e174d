package io.strongroom.protocol.support;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.Principal;
import io.strongroom.iam.auth.PrincipalType;
import io.strongroom.protocol.ApiRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Builds Query requests the way SDKs send them, and a caller to send them as. */
public final class Requests {
    public static final String ACCOUNT = "111122223333";
    public static final String REQUEST_ID = "req-1";
    public static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

    private Requests() {
    }

    /** A POST whose body is the form encoding of {@code parameters}, in order. */
    public static ApiRequest post(Map<String, String> parameters) {
        return postBody(FORM, encode(parameters).getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code Action=…&Version=…} then the given name/value pairs. */
    public static ApiRequest post(String action, String version, String... nameValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Action", action);
        parameters.put("Version", version);
        for (int i = 0; i < nameValues.length; i += 2) {
            parameters.put(nameValues[i], nameValues[i + 1]);
        }
        return post(parameters);
    }

    public static ApiRequest postBody(String contentType, byte[] body) {
        Map<String, List<String>> headers = contentType == null ? Map.of() : Map.of("Content-Type", List.of(contentType));
        return new ApiRequest("POST", "/", "", headers, body, "127.0.0.1", false, REQUEST_ID, Instant.now());
    }

    public static ApiRequest get(String rawQuery) {
        return new ApiRequest("GET", "/", rawQuery, Map.of(), new byte[0], "127.0.0.1", false, REQUEST_ID, Instant.now());
    }

    public static String encode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The account root of {@link #ACCOUNT}. */
    public static CallContext rootCall() {
        Principal root = new Principal(PrincipalType.ROOT, ACCOUNT, "arn:aws:iam::" + ACCOUNT + ":root",
                "arn:aws:iam::" + ACCOUNT + ":root", ACCOUNT, "root", "AKIAROOTROOTROOTROOT", Map.of(),
                Optional.empty());
        return new CallContext(REQUEST_ID, root, "127.0.0.1", "test", false, "us-east-1", Instant.now());
    }
}
