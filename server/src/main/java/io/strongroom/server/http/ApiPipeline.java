package io.strongroom.server.http;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.RequestAuthenticator;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.ServiceHandler;
import io.strongroom.server.logging.LogFields;
import io.strongroom.server.logging.RequestLogContext;
import io.strongroom.server.management.RequestMetrics;
import io.strongroom.sigv4.SignedRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Every API call, free of HTTP-server types: route to a service, authenticate, call the service,
 * render any error in that service's shape, stamp the request id, count and log the call.
 */
public final class ApiPipeline {

    private static final Logger LOG = Logger.getLogger(ApiPipeline.class.getName());
    private static final Logger ACCESS_LOG = Logger.getLogger("io.strongroom.access");
    private static final Pattern OPERATION_NAME = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final String INTERNAL_ERROR_MESSAGE = "We encountered an internal error. Please try again.";

    private final ServiceRouter router;
    private final RequestAuthenticator authenticator;
    private final RequestMetrics metrics;
    private final Clock clock;

    public ApiPipeline(ServiceRouter router, RequestAuthenticator authenticator, RequestMetrics metrics, Clock clock) {
        this.router = requireNonNull(router, "router");
        this.authenticator = requireNonNull(authenticator, "authenticator");
        this.metrics = requireNonNull(metrics, "metrics");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Serves a request whose body was read whole. */
    public ApiResponse handle(ApiRequest request) {
        try (var scope = RequestLogContext.enter(request.requestId())) {
            ServiceHandler handler = router.route(request);
            Outcome outcome = serve(handler, request);
            return finish(handler, request, outcome);
        }
    }

    /** Answers a request that was refused before it could be served whole (for example an oversized body). */
    public ApiResponse reject(ApiRequest request, AwsException error) {
        try (var scope = RequestLogContext.enter(request.requestId())) {
            ServiceHandler handler = router.route(request);
            return finish(handler, request, new Outcome(renderError(handler, request, error), null, error.code()));
        }
    }

    private Outcome serve(ServiceHandler handler, ApiRequest request) {
        String principalArn = null;
        try {
            RequestAuthenticator.Authenticated authenticated = authenticator.authenticate(toSignedRequest(request));
            principalArn = authenticated.principal().arn();
            CallContext call = new CallContext(request.requestId(), authenticated.principal(),
                    request.remoteAddress(), request.header("User-Agent").orElse(""), request.secure(),
                    authenticated.region(), request.receivedAt());
            return new Outcome(handler.handle(request, call), principalArn, null);
        } catch (AwsException e) {
            return new Outcome(renderError(handler, request, e), principalArn, e.code());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Unexpected failure serving " + handler.signingName() + " request", e);
            AwsException internal = AwsException.internal(INTERNAL_ERROR_MESSAGE, e);
            return new Outcome(renderError(handler, request, internal), principalArn, internal.code());
        }
    }

    private static ApiResponse renderError(ServiceHandler handler, ApiRequest request, AwsException error) {
        try {
            return handler.renderError(request, error);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Rendering an error failed", e);
            return QueryErrorXml.render(AwsException.internal(INTERNAL_ERROR_MESSAGE, e), request.requestId());
        }
    }

    private ApiResponse finish(ServiceHandler handler, ApiRequest request, Outcome outcome) {
        ApiResponse response = withStandardHeaders(outcome.response(), request.requestId());
        String operation = operationName(handler, request);
        Duration duration = Duration.between(request.receivedAt(), clock.instant());
        metrics.record(handler.signingName(), operation, response.status(), duration);
        ACCESS_LOG.log(Level.INFO, "request", LogFields.builder()
                .put("method", request.method())
                .put("path", request.rawPath())
                .put("service", handler.signingName())
                .put("operation", operation)
                .put("status", response.status())
                .put("errorCode", outcome.errorCode())
                .put("durationMs", duration.toMillis())
                .put("principalArn", outcome.principalArn())
                .put("sourceIp", request.remoteAddress())
                .build());
        return response;
    }

    private static ApiResponse withStandardHeaders(ApiResponse response, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put("x-amz-request-id", requestId);
        headers.put("x-amzn-RequestId", requestId);
        return new ApiResponse(response.status(), headers, response.body());
    }

    /** A bounded, well-formed operation name: it becomes a metrics label, which must not grow without limit. */
    private static String operationName(ServiceHandler handler, ApiRequest request) {
        try {
            String name = handler.operationName(request);
            return name != null && OPERATION_NAME.matcher(name).matches() ? name : "Unknown";
        } catch (RuntimeException e) {
            return "Unknown";
        }
    }

    static SignedRequest toSignedRequest(ApiRequest request) {
        return new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(),
                Optional.of(request.body()));
    }

    private record Outcome(ApiResponse response, String principalArn, String errorCode) {
    }
}
