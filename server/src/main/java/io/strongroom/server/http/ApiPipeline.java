package io.strongroom.server.http;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.Principal;
import io.strongroom.iam.auth.RequestAuthenticator;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.ServiceHandler;
import io.strongroom.server.audit.CallEvents;
import io.strongroom.server.audit.CallRecorder;
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
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Every API call, free of HTTP-server types: route to a service, authenticate, call the service,
 * leave the call's one audit record, render any error in that service's shape, stamp the request
 * id, count and log the call.
 */
public final class ApiPipeline {

    private static final Logger LOG = Logger.getLogger(ApiPipeline.class.getName());
    private static final Logger ACCESS_LOG = Logger.getLogger("io.strongroom.access");
    private static final Pattern OPERATION_NAME = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final String INTERNAL_ERROR_MESSAGE = "We encountered an internal error. Please try again.";

    private final ServiceRouter router;
    private final RequestAuthenticator authenticator;
    private final CallRecorder recorder;
    private final CallEvents events;
    private final RequestMetrics metrics;
    private final Clock clock;
    private final String region;

    /**
     * @param region the region this server answers as: a signature scoped to another one is refused
     */
    public ApiPipeline(ServiceRouter router, RequestAuthenticator authenticator, CallRecorder recorder,
                       CallEvents events, RequestMetrics metrics, Clock clock, String region) {
        this.router = requireNonNull(router, "router");
        this.authenticator = requireNonNull(authenticator, "authenticator");
        this.recorder = requireNonNull(recorder, "recorder");
        this.events = requireNonNull(events, "events");
        this.metrics = requireNonNull(metrics, "metrics");
        this.clock = requireNonNull(clock, "clock");
        this.region = requireNonNull(region, "region");
    }

    /**
     * The service a request is for, found from its headers alone: whether it streams the body
     * decides how the body is read before {@link #handle}.
     */
    public ServiceHandler route(ApiRequest headers) {
        return router.route(headers);
    }

    /** Serves a request of the service {@link #route} found, its body read whole or ready to stream. */
    public ApiResponse handle(ServiceHandler handler, ApiRequest request) {
        try (var scope = RequestLogContext.enter(request.requestId())) {
            String operation = operationName(handler, request);
            Outcome outcome = serve(handler, operation, request);
            return finish(handler, operation, request, outcome);
        }
    }

    /** Answers (and records) a request that was refused before it could be served whole, for example an oversized body. */
    public ApiResponse reject(ApiRequest request, AwsException error) {
        try (var scope = RequestLogContext.enter(request.requestId())) {
            ServiceHandler handler = router.route(request);
            String operation = operationName(handler, request);
            return finish(handler, operation, request, recordedFailure(handler, operation, request, null, error));
        }
    }

    /**
     * Authenticates and performs the call, and leaves its one audit record: a changing call's in its
     * own transaction, any other's (reads, refusals, failures) group-committed. The response goes
     * out only after the record is durable.
     */
    private Outcome serve(ServiceHandler handler, String operation, ApiRequest request) {
        Principal caller = null;
        try {
            SignedRequest signed = toSignedRequest(request);
            RequestAuthenticator.Authenticated authenticated = authenticator.authenticate(signed);
            requireScopeOf(handler, authenticated);
            ApiRequest checked = request.bodyStream() == null ? request
                    : request.withBodyStream(StreamedPayloads.verified(request.bodyStream(), authenticated, signed));
            Principal principal = authenticated.principal();
            caller = principal;
            CallContext call = new CallContext(request.requestId(), principal,
                    request.remoteAddress(), request.header("User-Agent").orElse(""), request.secure(),
                    authenticated.region(), request.receivedAt());
            ApiResponse response;
            if (handler.readOnly(operation) || handler.dataEvent(operation)) {
                response = handler.handle(checked, call);
                recorder.record(events.success(handler, operation, request, principal, response));
            } else {
                response = recorder.performWithRecord(() -> handler.handle(checked, call),
                        done -> events.success(handler, operation, request, principal, done));
            }
            return new Outcome(response, principal.arn(), null);
        } catch (AwsException e) {
            return recordedFailure(handler, operation, request, caller, e);
        } catch (RuntimeException e) {
            return recordedFailure(handler, operation, request, caller,
                    AwsException.internal(INTERNAL_ERROR_MESSAGE, e));
        }
    }

    /**
     * Records a failed call and renders its error. If even that record cannot be written, the
     * client still gets an error (never the original success) and the server logs the loss.
     */
    private Outcome recordedFailure(ServiceHandler handler, String operation, ApiRequest request, Principal caller,
                                    AwsException error) {
        AwsException answered = error;
        try {
            recorder.record(events.failure(handler, operation, request, caller, error));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The audit record of a failed call could not be written", e);
            if (error.senderFault()) {
                answered = AwsException.internal(INTERNAL_ERROR_MESSAGE, e);
            }
        }
        return new Outcome(renderError(handler, request, answered), caller == null ? null : caller.arn(), answered);
    }

    /**
     * A valid signature is only good for the service and region it was made for: the handler's
     * signing name and this server's region (the region also becomes aws:RequestedRegion).
     * Requests no service claims are answered InvalidAction whatever they were signed for.
     */
    private void requireScopeOf(ServiceHandler handler, RequestAuthenticator.Authenticated authenticated) {
        if (!authenticated.region().equals(region)) {
            // AWS's own wording, trailing space included; the echoed region is the signer's, kept short
            String signed = authenticated.region();
            throw new AwsException("SignatureDoesNotMatch", 403, "Credential should be scoped to a valid region, not '"
                    + (signed.length() <= 32 ? signed : signed.substring(0, 32) + "...") + "'. ");
        }
        if (!(handler instanceof UnroutableRequestHandler) && !authenticated.service().equals(handler.signingName())) {
            throw new AwsException("SignatureDoesNotMatch", 403,
                    "Credential should be scoped to correct service: '" + handler.signingName() + "'. ");
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

    private ApiResponse finish(ServiceHandler handler, String operation, ApiRequest request, Outcome outcome) {
        ApiResponse response = withStandardHeaders(outcome.response(), request.requestId());
        if (outcome.error() != null && !outcome.error().senderFault()) {
            logServerFault(handler.signingName(), operation, outcome.error());
        }
        Duration duration = Duration.between(request.receivedAt(), clock.instant());
        metrics.record(handler.signingName(), operation, response.status(), duration);
        ACCESS_LOG.log(Level.INFO, "request", LogFields.builder()
                .put("method", request.method())
                .put("path", request.rawPath())
                .put("service", handler.signingName())
                .put("operation", operation)
                .put("status", response.status())
                .put("errorCode", outcome.error() == null ? null : outcome.error().code())
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
        return response.withHeaders(headers);
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
        // a streamed body is verified as it is read, by the stream the payload mode calls for
        return new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(),
                request.bodyStream() == null ? Optional.of(request.body()) : Optional.empty());
    }

    /** Logs a failure on the server's side once, with what caused it; the client was told only "internal error". */
    private static void logServerFault(String service, String operation, AwsException error) {
        LogRecord record = new LogRecord(Level.SEVERE, "Server-side failure");
        record.setLoggerName(LOG.getName());
        record.setParameters(new Object[] {LogFields.builder()
                .put("service", service)
                .put("operation", operation)
                .put("errorCode", error.code())
                .put("status", error.httpStatus())
                .build()});
        record.setThrown(error.getCause() != null ? error.getCause() : error);
        LOG.log(record);
    }

    private record Outcome(ApiResponse response, String principalArn, AwsException error) {
    }
}
