package io.strongroom.server.audit;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.AuditEvent;
import io.strongroom.audit.EventCategory;
import io.strongroom.audit.TlsDetails;
import io.strongroom.audit.UserIdentity;
import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.Principal;
import io.strongroom.iam.auth.Session;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.ServiceHandler;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the CloudTrail record of one API call from what the pipeline knows: the request, the
 * handler that served it, the authenticated caller (or the access key a refused caller claimed)
 * and the response or error.
 */
public final class CallEvents {
    /** Access-key ids are upper-case letters and digits; anything else a caller claims is not recorded as one. */
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("[A-Z0-9]{16,128}");
    private static final Pattern HEADER_CREDENTIAL = Pattern.compile("Credential=([^/,\\s]{1,200})/");
    private static final Pattern QUERY_CREDENTIAL = Pattern.compile("(?:^|&)X-Amz-Credential=([^&]{1,600})");
    private static final int MAX_USER_AGENT = 1024;
    private static final int MAX_ERROR_MESSAGE = 1024;

    private final Clock clock;
    private final String region;
    private final Supplier<String> homeAccountId;

    /**
     * @param region        the region this server answers as
     * @param homeAccountId the account that receives records of callers with no known account
     *                      (the organisation's management account)
     */
    public CallEvents(Clock clock, String region, Supplier<String> homeAccountId) {
        this.clock = requireNonNull(clock, "clock");
        this.region = requireNonNull(region, "region");
        this.homeAccountId = requireNonNull(homeAccountId, "homeAccountId");
    }

    /** The record of a call that succeeded; a changing call's record carries what it returned. */
    public AuditEvent success(ServiceHandler handler, String operation, ApiRequest request, Principal caller,
                              ApiResponse response) {
        boolean readOnly = handler.readOnly(operation);
        AuditEvent.Builder builder = base(handler, operation, request, readOnly)
                .responseElements(readOnly ? null : handler.auditResponseElements(response));
        return withCaller(builder, handler, request, caller, response).build();
    }

    /**
     * The record of a call that failed. An authenticated caller's parameters are recorded; a caller
     * that failed authentication is recorded with the access key it claimed and without its
     * parameters, so an anonymous sender cannot write what it likes into the trail.
     */
    public AuditEvent failure(ServiceHandler handler, String operation, ApiRequest request, Principal caller,
                              AwsException error) {
        AuditEvent.Builder builder = base(handler, operation, request, handler.readOnly(operation))
                .error(handler.answeredErrorCode(error), abbreviate(error.getMessage(), MAX_ERROR_MESSAGE));
        if (caller != null) {
            withCaller(builder, handler, request, caller, null);
        } else {
            builder.userIdentity(UserIdentity.unauthenticated(claimedAccessKeyId(request), null))
                    .recipientAccountId(homeAccountId.get());
        }
        return builder.build();
    }

    /** The caller, the parameters it sent and the resources they (and, after a success, the answer) name. */
    private AuditEvent.Builder withCaller(AuditEvent.Builder builder, ServiceHandler handler, ApiRequest request,
                                          Principal caller, ApiResponse response) {
        Map<String, Object> parameters = handler.auditRequestParameters(request);
        (response == null ? handler.auditResources(parameters, caller.accountId(), region)
                : handler.auditResources(parameters, response, caller.accountId(), region)).forEach(builder::resource);
        return builder.userIdentity(identityOf(caller))
                .recipientAccountId(caller.accountId())
                .requestParameters(parameters);
    }

    private AuditEvent.Builder base(ServiceHandler handler, String operation, ApiRequest request, boolean readOnly) {
        return AuditEvent.builder()
                .eventTime(clock.instant())
                .eventSource(handler.signingName() + ".amazonaws.com")
                .eventName(operation)
                .awsRegion(region)
                .sourceIPAddress(request.remoteAddress())
                .userAgent(request.header("User-Agent").map(agent -> abbreviate(agent, MAX_USER_AGENT)).orElse(null))
                .requestId(request.requestId())
                .readOnly(readOnly)
                .eventCategory(handler.dataEvent(operation) ? EventCategory.DATA : EventCategory.MANAGEMENT)
                .tlsDetails(request.secure()
                        ? new TlsDetails(request.tlsVersion(), request.cipherSuite(),
                                request.header("Host").map(h -> abbreviate(h, 256)).orElse(null))
                        : null);
    }

    static UserIdentity identityOf(Principal caller) {
        return switch (caller.type()) {
            case ROOT -> new UserIdentity("Root", caller.accountId(), caller.arn(), caller.accountId(),
                    caller.accessKeyId(), null, null, null);
            case IAM_USER -> UserIdentity.iamUser(caller.principalId(), caller.arn(), caller.accountId(),
                    caller.accessKeyId(), caller.name());
            case ASSUMED_ROLE -> {
                Session session = caller.session().orElseThrow();
                yield new UserIdentity("AssumedRole", caller.principalId(), caller.arn(), caller.accountId(),
                        caller.accessKeyId(), null, new UserIdentity.SessionContext(
                                new UserIdentity.SessionAttributes(session.issuedAt(), false),
                                new UserIdentity.SessionIssuer("Role", session.roleId(), session.roleArn(),
                                        caller.accountId(), caller.name())), null);
            }
        };
    }

    /** The access-key id a request names in its Authorization header or presigned query; null when none is well-formed. */
    static String claimedAccessKeyId(ApiRequest request) {
        String candidate = request.header("Authorization").map(HEADER_CREDENTIAL::matcher)
                .filter(Matcher::find).map(m -> m.group(1))
                .orElseGet(() -> {
                    Matcher query = QUERY_CREDENTIAL.matcher(request.rawQuery());
                    if (!query.find()) {
                        return null;
                    }
                    try {
                        String credential = URLDecoder.decode(query.group(1), StandardCharsets.UTF_8);
                        int slash = credential.indexOf('/');
                        return slash < 0 ? null : credential.substring(0, slash);
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                });
        return candidate != null && ACCESS_KEY_ID.matcher(candidate).matches() ? candidate : null;
    }

    private static String abbreviate(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
