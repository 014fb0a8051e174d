package io.strongroom.server.testsupport;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.ServiceHandler;
import io.strongroom.protocol.audit.AuditValues;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A service that answers {@code <Ok service=… operation=… caller=…/>}. Its operation is the
 * {@code Action} query parameter. {@code Action=Boom} fails unexpectedly, {@code Action=Slow}
 * waits until {@link #releaseSlow()}, {@code Action=Denied} throws AccessDenied and
 * {@code Action=Fault} throws a server-fault AwsException with a cause, as the Query dispatcher does.
 */
public final class FakeServiceHandler implements ServiceHandler {

    private final String signingName;
    private final ConcurrentLinkedQueue<CallContext> calls = new ConcurrentLinkedQueue<>();
    private final CountDownLatch slowStarted = new CountDownLatch(1);
    private final CountDownLatch slowRelease = new CountDownLatch(1);

    public FakeServiceHandler(String signingName) {
        this.signingName = signingName;
    }

    public ConcurrentLinkedQueue<CallContext> calls() {
        return calls;
    }

    public boolean awaitSlowStarted() throws InterruptedException {
        return slowStarted.await(10, TimeUnit.SECONDS);
    }

    public void releaseSlow() {
        slowRelease.countDown();
    }

    @Override
    public String signingName() {
        return signingName;
    }

    @Override
    public String operationName(ApiRequest request) {
        for (String pair : request.rawQuery().split("&")) {
            if (pair.startsWith("Action=")) {
                return URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
            }
        }
        return "Unknown";
    }

    @Override
    public ApiResponse handle(ApiRequest request, CallContext call) {
        calls.add(call);
        switch (operationName(request)) {
            case "Boom" -> throw new IllegalStateException("internal detail: jdbc:postgresql://db/secret");
            case "Denied" -> throw AwsException.accessDenied("not allowed");
            case "Fault" -> throw new AwsException("ServiceFailure", 500, "unexpected failure in Fault",
                    new java.io.UncheckedIOException(new java.io.IOException("disk full")));
            case "Slow" -> {
                slowStarted.countDown();
                try {
                    if (!slowRelease.await(20, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("slow request was never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            default -> {
            }
        }
        return ApiResponse.xml(200, "<Ok service=\"" + signingName + "\" operation=\"" + operationName(request)
                + "\" caller=\"" + call.principal().arn() + "\" bodyBytes=\"" + request.body().length + "\"/>");
    }

    /** The query parameters but Action, as the Query protocol's handlers record them. */
    @Override
    public Map<String, Object> auditRequestParameters(ApiRequest request) {
        Map<String, String> flat = new java.util.LinkedHashMap<>();
        for (String pair : request.rawQuery().split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && !pair.startsWith("Action=")) {
                flat.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return AuditValues.fromQueryParameters(flat);
    }

    /** Slow changes nothing, so it holds no store transaction while it waits. */
    @Override
    public boolean readOnly(String operation) {
        return operation.equals("Slow") || ServiceHandler.super.readOnly(operation);
    }

    @Override
    public ApiResponse renderError(ApiRequest request, AwsException error) {
        return new ApiResponse(error.httpStatus(), Map.of("Content-Type", "text/xml"),
                ("<Error service=\"" + signingName + "\"><Code>" + error.code() + "</Code><Message>"
                        + error.getMessage() + "</Message><RequestId>" + request.requestId() + "</RequestId></Error>")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
