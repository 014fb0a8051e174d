package io.strongroom.server.http;

import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ServiceHandler;
import io.strongroom.protocol.query.QueryAction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the service for a request: the service its SigV4 credential scope names; without a
 * signature, the protocol markers ({@code X-Amz-Target} for AWS JSON, {@code Action=} for the AWS
 * Query protocol), so that even an unauthenticated call gets its service's error shape.
 */
public final class ServiceRouter {

    private static final Set<String> STS_ACTIONS = Set.of("GetCallerIdentity", "AssumeRole", "AssumeRoleWithSAML",
            "AssumeRoleWithWebIdentity", "AssumeRoot", "GetSessionToken", "GetFederationToken",
            "GetAccessKeyInfo", "DecodeAuthorizationMessage");
    /** AWS JSON 1.1 target prefixes and the signing names of their services. */
    private static final Map<String, String> JSON_TARGET_PREFIXES = Map.of(
            "TrentService", "kms",
            "AWSOrganizationsV20161128", "organizations",
            "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101", "cloudtrail");

    private final Map<String, ServiceHandler> bySigningName = new HashMap<>();
    private final ServiceHandler unroutable = new UnroutableRequestHandler();

    public ServiceRouter(List<ServiceHandler> handlers) {
        for (ServiceHandler handler : handlers) {
            if (bySigningName.put(handler.signingName(), handler) != null) {
                throw new IllegalArgumentException("two handlers for service " + handler.signingName());
            }
        }
    }

    public ServiceHandler route(ApiRequest request) {
        Optional<CredentialScope> scope = CredentialScope.of(request);
        if (scope.isPresent()) {
            return handlerFor(scope.get().service());
        }
        Optional<String> target = request.header("X-Amz-Target");
        if (target.isPresent()) {
            // the operation follows the last dot; a prefix may have dots of its own (CloudTrail's)
            int dot = target.get().lastIndexOf('.');
            String prefix = dot < 0 ? target.get() : target.get().substring(0, dot);
            return handlerFor(JSON_TARGET_PREFIXES.getOrDefault(prefix, UnroutableRequestHandler.SIGNING_NAME));
        }
        Optional<String> action = QueryAction.find(request);
        if (action.isPresent()) {
            return handlerFor(STS_ACTIONS.contains(action.get()) ? "sts" : "iam");
        }
        return unroutable;
    }

    private ServiceHandler handlerFor(String signingName) {
        return bySigningName.getOrDefault(signingName, unroutable);
    }
}
