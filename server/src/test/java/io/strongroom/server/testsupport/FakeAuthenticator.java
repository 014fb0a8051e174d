package io.strongroom.server.testsupport;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.Principal;
import io.strongroom.iam.auth.PrincipalType;
import io.strongroom.iam.auth.RequestAuthenticator;
import io.strongroom.sigv4.SignedRequest;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-memory authenticator: a request whose Authorization header names access key
 * {@link #GOOD_KEY} is authenticated as {@link #ALICE_ARN} for the scope's region and service;
 * any other key is unknown; no header at all is a missing token.
 */
public final class FakeAuthenticator implements RequestAuthenticator {

    public static final String GOOD_KEY = "AKIAGOODGOODGOOD1234";
    public static final String ALICE_ARN = "arn:aws:iam::111122223333:user/alice";
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/]+)/[0-9]{8}/([^/]+)/([^/]+)/aws4_request");

    public static String authorization(String accessKeyId, String region, String service) {
        return "AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/20240101/" + region + "/" + service
                + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64);
    }

    @Override
    public Authenticated authenticate(SignedRequest request) {
        var header = request.headers().get("Authorization");
        if (header == null || header.isEmpty()) {
            throw new AwsException("MissingAuthenticationToken", 403, "Request is missing Authentication Token");
        }
        Matcher matcher = CREDENTIAL.matcher(header.get(0));
        if (!matcher.find()) {
            throw new AwsException("IncompleteSignature", 400, "Authorization header is malformed");
        }
        if (!matcher.group(1).equals(GOOD_KEY)) {
            throw new AwsException("InvalidClientTokenId", 403, "The security token included in the request is invalid.");
        }
        Principal alice = new Principal(PrincipalType.IAM_USER, "111122223333", ALICE_ARN, ALICE_ARN,
                "AIDAALICEALICEALICE1", "alice", GOOD_KEY, Map.of(), Optional.empty());
        return new Authenticated(alice, matcher.group(2), matcher.group(3), false);
    }
}
