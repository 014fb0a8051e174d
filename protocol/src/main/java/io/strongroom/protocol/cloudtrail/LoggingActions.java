package io.strongroom.protocol.cloudtrail;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.trails.CloudTrailService;
import io.strongroom.audit.trails.TrailStatus;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.json.JsonInput;
import io.strongroom.protocol.json.JsonOperationFamily;
import io.strongroom.protocol.json.JsonOperationTable;
import io.strongroom.protocol.json.JsonResult;

/** StartLogging, StopLogging and GetTrailStatus. */
final class LoggingActions implements JsonOperationFamily {
    private final CloudTrailService cloudTrail;

    LoggingActions(CloudTrailService cloudTrail) {
        this.cloudTrail = requireNonNull(cloudTrail, "cloudTrail");
    }

    @Override
    public void registerInto(JsonOperationTable table) {
        table.add("StartLogging", this::startLogging)
                .add("StopLogging", this::stopLogging)
                .add("GetTrailStatus", this::getTrailStatus);
    }

    private JsonResult startLogging(JsonInput in, CallContext call) {
        cloudTrail.startLogging(call, in.requiredString("Name"));
        return JsonResult.of(out -> { });
    }

    private JsonResult stopLogging(JsonInput in, CallContext call) {
        cloudTrail.stopLogging(call, in.requiredString("Name"));
        return JsonResult.of(out -> { });
    }

    private JsonResult getTrailStatus(JsonInput in, CallContext call) {
        TrailStatus status = cloudTrail.getTrailStatus(call, in.requiredString("Name"));
        return JsonResult.of(out -> {
            out.bool("IsLogging", status.logging());
            out.timestamp("StartLoggingTime", status.startLoggingTime());
            out.timestamp("StopLoggingTime", status.stopLoggingTime());
            out.string("TimeLoggingStarted", status.startLoggingTime().map(CloudTrailShapes::statusTime));
            out.string("TimeLoggingStopped", status.stopLoggingTime().map(CloudTrailShapes::statusTime));
        });
    }
}
