package io.strongroom.server.http;

import io.strongroom.protocol.ApiRequest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service and region a SigV4 signature claims, read (not verified) from the
 * {@code Authorization} header or the presigned {@code X-Amz-Credential} query parameter, so the
 * request reaches the service whose error shapes the client expects. The authenticator verifies it.
 *
 * @param region  the scope's region
 * @param service the scope's service (signing name)
 */
record CredentialScope(String region, String service) {

    // Credential=AKID/20240101/us-east-1/sts/aws4_request
    private static final Pattern CREDENTIAL =
            Pattern.compile("^[^/]+/[0-9]{8}/([A-Za-z0-9-]{1,32})/([A-Za-z0-9-]{1,64})/aws4_request$");
    private static final Pattern HEADER_CREDENTIAL = Pattern.compile("Credential=([^,\\s]+)");
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";

    static Optional<CredentialScope> of(ApiRequest request) {
        Optional<String> authorization = request.header("Authorization");
        if (authorization.isPresent()) {
            String value = authorization.get().strip();
            if (!value.startsWith(ALGORITHM)) {
                return Optional.empty();
            }
            Matcher matcher = HEADER_CREDENTIAL.matcher(value);
            return matcher.find() ? parse(matcher.group(1)) : Optional.empty();
        }
        return FormParameters.first(request.rawQuery(), "X-Amz-Credential").flatMap(CredentialScope::parse);
    }

    private static Optional<CredentialScope> parse(String credential) {
        Matcher matcher = CREDENTIAL.matcher(credential);
        return matcher.matches() ? Optional.of(new CredentialScope(matcher.group(1), matcher.group(2))) : Optional.empty();
    }
}
