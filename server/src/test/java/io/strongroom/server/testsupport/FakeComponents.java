package io.strongroom.server.testsupport;

import io.strongroom.audit.AuditEvent;
import io.strongroom.audit.AuditGroupCommitter;
import io.strongroom.audit.AuditTrail;
import io.strongroom.audit.AuditUnavailableException;
import io.strongroom.audit.Redaction;
import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.audit.testing.InMemoryAuditRepository;
import io.strongroom.audit.testing.InMemoryAuditTransactor;
import io.strongroom.iam.auth.RequestAuthenticator;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.ServiceHandler;
import io.strongroom.server.audit.CallRecorder;
import io.strongroom.server.audit.StoreCallRecorder;
import io.strongroom.server.lifecycle.Components;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/** Components built from fakes: an iam and an sts {@link FakeServiceHandler} and the {@link FakeAuthenticator}. */
public final class FakeComponents implements Components {

    public static final String HOME_ACCOUNT = "999988887777";

    public final FakeServiceHandler iam = new FakeServiceHandler("iam");
    public final FakeServiceHandler sts = new FakeServiceHandler("sts");
    public final AtomicBoolean storeHealthy = new AtomicBoolean(true);
    public final AtomicBoolean closed = new AtomicBoolean();
    private final RequestAuthenticator authenticator = new FakeAuthenticator();
    /** The audit trail over in-memory fakes of its store: tests read the records the pipeline left. */
    public final InMemoryAuditRepository auditRecords = new InMemoryAuditRepository();
    private final InMemoryAuditTransactor auditTransactor = new InMemoryAuditTransactor(auditRecords);
    private final AuditTrail trail = new AuditTrail(auditRecords, Redaction.withDefaults());
    private final AuditGroupCommitter groupCommitter = new AuditGroupCommitter(trail, auditTransactor);
    private final CallRecorder store = new StoreCallRecorder(trail, auditTransactor, groupCommitter);
    /** While true, no record can be written: every call's record fails as with an unreachable store. */
    public final AtomicBoolean auditStoreDown = new AtomicBoolean();
    private final CallRecorder recorder = new CallRecorder() {
        @Override
        public ApiResponse performWithRecord(Supplier<ApiResponse> call, Function<ApiResponse, AuditEvent> describe) {
            requireAuditStore();
            return store.performWithRecord(call, describe);
        }

        @Override
        public void record(AuditEvent event) {
            requireAuditStore();
            store.record(event);
        }

        private void requireAuditStore() {
            if (auditStoreDown.get()) {
                throw new AuditUnavailableException("the audit store is down (test)", null);
            }
        }
    };

    @Override
    public RequestAuthenticator authenticator() {
        return authenticator;
    }

    @Override
    public List<ServiceHandler> serviceHandlers() {
        return List.of(iam, sts);
    }

    @Override
    public CallRecorder callRecorder() {
        return recorder;
    }

    @Override
    public String homeAccountId() {
        return HOME_ACCOUNT;
    }

    /** Every audit record the pipeline left, in order. */
    public List<StoredAuditRecord> records() {
        return auditRecords.readRange(1, Long.MAX_VALUE, Integer.MAX_VALUE);
    }

    @Override
    public Map<String, BooleanSupplier> readinessChecks() {
        Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
        checks.put("store", storeHealthy::get);
        return checks;
    }

    @Override
    public void close() {
        groupCommitter.close();
        closed.set(true);
    }
}
