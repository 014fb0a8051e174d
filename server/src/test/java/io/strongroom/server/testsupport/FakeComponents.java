package io.strongroom.server.testsupport;

import io.strongroom.iam.auth.RequestAuthenticator;
import io.strongroom.protocol.ServiceHandler;
import io.strongroom.server.lifecycle.Components;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/** Components built from fakes: an iam and an sts {@link FakeServiceHandler} and the {@link FakeAuthenticator}. */
public final class FakeComponents implements Components {

    public final FakeServiceHandler iam = new FakeServiceHandler("iam");
    public final FakeServiceHandler sts = new FakeServiceHandler("sts");
    public final AtomicBoolean storeHealthy = new AtomicBoolean(true);
    public final AtomicBoolean closed = new AtomicBoolean();
    private final RequestAuthenticator authenticator = new FakeAuthenticator();

    @Override
    public RequestAuthenticator authenticator() {
        return authenticator;
    }

    @Override
    public List<ServiceHandler> serviceHandlers() {
        return List.of(iam, sts);
    }

    @Override
    public Map<String, BooleanSupplier> readinessChecks() {
        Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
        checks.put("store", storeHealthy::get);
        return checks;
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
