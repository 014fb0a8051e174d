package io.strongroom.server.audit;

import io.strongroom.audit.AuditEvent;
import io.strongroom.protocol.ApiResponse;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where the request pipeline leaves the one audit record of each call. Both methods return only
 * once the record is durable; when it cannot be made durable they throw and the call must not be
 * reported as a success.
 */
public interface CallRecorder {

    /**
     * Performs a changing call and appends its record in the same store transaction: the change
     * and its record commit together, or neither does (when the call throws, nothing of it stays).
     *
     * @param call     the call; its store work joins the transaction
     * @param describe the record of the call's successful response
     */
    ApiResponse performWithRecord(Supplier<ApiResponse> call, Function<ApiResponse, AuditEvent> describe);

    /** Appends the record of a call that changed nothing: a read, or a refused or failed call. */
    void record(AuditEvent event);
}
