package io.strongroom.server.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Caps the API requests served at once. Virtual threads make a thread per request cheap, but each
 * request still holds its body and its work; without a cap a flood of requests grows memory
 * without bound. Requests over the cap wait briefly for a slot, then get a 503 in their service's
 * error shape.
 */
public final class ApiConcurrencyLimit extends QoSHandler {

    /** How long a request over the cap waits for a slot. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(2);

    private final ApiHandler apiHandler;

    public ApiConcurrencyLimit(ApiHandler apiHandler, int maxConcurrentRequests, Duration maxWait) {
        super(requireNonNull(apiHandler, "apiHandler"));
        this.apiHandler = apiHandler;
        setMaxRequestCount(maxConcurrentRequests);
        setMaxSuspendedRequestCount(maxConcurrentRequests * 4); // waiting ones hold no body yet, but are not free
        setMaxSuspend(requireNonNull(maxWait, "maxWait"));
    }

    @Override
    protected void reject(Request request, Response response, Callback callback, int status) {
        apiHandler.rejectOverloaded(request, response, callback);
    }

    @Override
    protected void expireSuspended(Request request, Response response, Callback callback) {
        apiHandler.rejectOverloaded(request, response, callback);
    }
}
