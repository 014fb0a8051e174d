package io.strongroom.server.audit;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.AuditEvent;
import io.strongroom.audit.AuditGroupCommitter;
import io.strongroom.audit.AuditTrail;
import io.strongroom.core.spi.Transactor;
import io.strongroom.protocol.ApiResponse;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Records calls in the store's audit trail: a change with its record in one transaction; every
 * other record through the group committer, which shares commits between concurrent calls.
 */
public final class StoreCallRecorder implements CallRecorder {
    private final AuditTrail trail;
    private final Transactor transactor;
    private final AuditGroupCommitter groupCommitter;

    public StoreCallRecorder(AuditTrail trail, Transactor transactor, AuditGroupCommitter groupCommitter) {
        this.trail = requireNonNull(trail, "trail");
        this.transactor = requireNonNull(transactor, "transactor");
        this.groupCommitter = requireNonNull(groupCommitter, "groupCommitter");
    }

    @Override
    public ApiResponse performWithRecord(Supplier<ApiResponse> call, Function<ApiResponse, AuditEvent> describe) {
        return transactor.inTransaction(() -> {
            ApiResponse response = call.get();
            trail.record(describe.apply(response));
            return response;
        });
    }

    @Override
    public void record(AuditEvent event) {
        groupCommitter.append(event);
    }
}
