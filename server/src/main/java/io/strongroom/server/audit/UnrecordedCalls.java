package io.strongroom.server.audit;

import io.strongroom.audit.AuditEvent;
import io.strongroom.protocol.ApiResponse;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Benchmark only: performs calls without writing their records, so a benchmark can measure what
 * the audit write adds to a request. The record is still built (that cost stays in the figure's
 * baseline). Production mode refuses the setting that selects it.
 */
public final class UnrecordedCalls implements CallRecorder {

    @Override
    public ApiResponse performWithRecord(Supplier<ApiResponse> call, Function<ApiResponse, AuditEvent> describe) {
        ApiResponse response = call.get();
        describe.apply(response);
        return response;
    }

    @Override
    public void record(AuditEvent event) {
        // deliberately nothing: see the class comment
    }
}
