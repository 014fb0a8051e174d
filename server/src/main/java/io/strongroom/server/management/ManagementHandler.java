package io.strongroom.server.management;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The management port: {@code GET /health/live}, {@code GET /health/ready} and {@code GET /metrics}.
 * Nothing else, and no other method.
 */
public final class ManagementHandler extends Handler.Abstract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String APPLICATION_JSON = "application/json";

    private final Readiness readiness;
    private final Metrics metrics;

    public ManagementHandler(Readiness readiness, Metrics metrics) {
        this.readiness = requireNonNull(readiness, "readiness");
        this.metrics = requireNonNull(metrics, "metrics");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws JsonProcessingException {
        String path = request.getHttpURI().getPath();
        if (!"GET".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET");
            send(response, callback, 405, APPLICATION_JSON, "{\"status\":\"method not allowed\"}");
            return true;
        }
        switch (path) {
            case "/health/live" -> send(response, callback, 200, APPLICATION_JSON, "{\"status\":\"UP\"}");
            case "/health/ready" -> ready(response, callback);
            case "/metrics" -> send(response, callback, 200, PROMETHEUS_TEXT, metrics.scrape());
            default -> send(response, callback, 404, APPLICATION_JSON, "{\"status\":\"not found\"}");
        }
        return true;
    }

    private void ready(Response response, Callback callback) throws JsonProcessingException {
        Map<String, Boolean> checks = readiness.evaluate();
        boolean ready = checks.values().stream().allMatch(Boolean::booleanValue);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "UP" : "DOWN");
        body.put("checks", checks);
        send(response, callback, ready ? 200 : 503, APPLICATION_JSON, JSON.writeValueAsString(body));
    }

    private static void send(Response response, Callback callback, int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
