package io.strongroom.protocol.cloudtrail;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.trails.CloudTrailService;
import io.strongroom.audit.trails.LookupEventsRequest;
import io.strongroom.audit.trails.LookupEventsResult;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.json.JsonInput;
import io.strongroom.protocol.json.JsonOperationFamily;
import io.strongroom.protocol.json.JsonOperationTable;
import io.strongroom.protocol.json.JsonResult;
import java.util.List;

/** LookupEvents: the caller's account's recorded calls, a page at a time. */
final class LookupActions implements JsonOperationFamily {
    private final CloudTrailService cloudTrail;

    LookupActions(CloudTrailService cloudTrail) {
        this.cloudTrail = requireNonNull(cloudTrail, "cloudTrail");
    }

    @Override
    public void registerInto(JsonOperationTable table) {
        table.add("LookupEvents", this::lookupEvents);
    }

    private JsonResult lookupEvents(JsonInput in, CallContext call) {
        List<LookupEventsRequest.LookupAttribute> attributes = in.objectList("LookupAttributes").stream()
                .map(attribute -> new LookupEventsRequest.LookupAttribute(attribute.requiredString("AttributeKey"),
                        attribute.requiredString("AttributeValue")))
                .toList();
        LookupEventsResult result = cloudTrail.lookupEvents(call, new LookupEventsRequest(attributes,
                in.timestamp("StartTime"), in.timestamp("EndTime"), in.string("EventCategory"),
                in.integer("MaxResults"), in.string("NextToken")));
        return JsonResult.of(out -> {
            out.objectList("Events", result.events(), CloudTrailShapes::event);
            out.string("NextToken", result.nextToken());
        });
    }
}
