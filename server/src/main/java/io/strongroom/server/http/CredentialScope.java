package io.strongroom.server.http;

import io.strongroom.protocol.ApiRequest;
import java.util.Optional;

/**
 * The service and region a SigV4 signature claims, read (not verified) from the
 * {@code Authorization} header or the presigned {@code X-Amz-Credential} query parameter, so the
 * request reaches the service whose error shapes the client expects. The authenticator verifies it.
 *
 * @param region  the scope's region
 * @param service the scope's service (signing name)
 */
record CredentialScope(String region, String service) {

    // Credential=AKID/20240101/us-east-1/sts/aws4_request; scanned by hand: this runs on every request
    private static final String HEADER_CREDENTIAL = "Credential=";
    private static final String TERMINATOR = "aws4_request";
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";

    static Optional<CredentialScope> of(ApiRequest request) {
        Optional<String> authorization = request.header("Authorization");
        if (authorization.isPresent()) {
            String value = authorization.get().strip();
            if (!value.startsWith(ALGORITHM)) {
                return Optional.empty();
            }
            return headerCredential(value).flatMap(CredentialScope::parse);
        }
        return FormParameters.first(request.rawQuery(), "X-Amz-Credential").flatMap(CredentialScope::parse);
    }

    /** The first non-empty value after {@code Credential=}, up to a comma or whitespace. */
    private static Optional<String> headerCredential(String header) {
        for (int at = header.indexOf(HEADER_CREDENTIAL); at >= 0; at = header.indexOf(HEADER_CREDENTIAL, at + 1)) {
            int start = at + HEADER_CREDENTIAL.length();
            int end = start;
            while (end < header.length() && !endsCredential(header.charAt(end))) {
                end++;
            }
            if (end > start) {
                return Optional.of(header.substring(start, end));
            }
        }
        return Optional.empty();
    }

    private static boolean endsCredential(char c) {
        return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** {@code <key id>/<8 digits>/<region: 1-32 of [A-Za-z0-9-]>/<service: 1-64 of them>/aws4_request}. */
    private static Optional<CredentialScope> parse(String credential) {
        String[] parts = credential.split("/", -1);
        if (parts.length != 5 || parts[0].isEmpty() || !isDigits(parts[1], 8) || !isName(parts[2], 32)
                || !isName(parts[3], 64) || !parts[4].equals(TERMINATOR)) {
            return Optional.empty();
        }
        return Optional.of(new CredentialScope(parts[2], parts[3]));
    }

    private static boolean isDigits(String text, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isName(String text, int maxLength) {
        if (text.isEmpty() || text.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
