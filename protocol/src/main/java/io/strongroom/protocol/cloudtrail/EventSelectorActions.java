package io.strongroom.protocol.cloudtrail;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.trails.CloudTrailService;
import io.strongroom.audit.trails.EventSelectorRequest;
import io.strongroom.audit.trails.TrailSelectors;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.json.JsonInput;
import io.strongroom.protocol.json.JsonOperationFamily;
import io.strongroom.protocol.json.JsonOperationTable;
import io.strongroom.protocol.json.JsonResult;
import java.util.List;
import java.util.Optional;

/** GetEventSelectors and PutEventSelectors (basic event selectors; advanced ones are refused). */
final class EventSelectorActions implements JsonOperationFamily {
    private final CloudTrailService cloudTrail;

    EventSelectorActions(CloudTrailService cloudTrail) {
        this.cloudTrail = requireNonNull(cloudTrail, "cloudTrail");
    }

    @Override
    public void registerInto(JsonOperationTable table) {
        table.add("GetEventSelectors", this::getEventSelectors)
                .add("PutEventSelectors", this::putEventSelectors);
    }

    private JsonResult getEventSelectors(JsonInput in, CallContext call) {
        TrailSelectors selectors = cloudTrail.getEventSelectors(call, in.requiredString("TrailName"));
        return JsonResult.of(out -> CloudTrailShapes.eventSelectors(out, selectors.trailArn(),
                selectors.eventSelectors()));
    }

    private JsonResult putEventSelectors(JsonInput in, CallContext call) {
        String trailName = in.requiredString("TrailName");
        Optional<List<EventSelectorRequest>> selectors = in.has("EventSelectors")
                ? Optional.of(in.objectList("EventSelectors").stream().map(EventSelectorActions::selector).toList())
                : Optional.empty();
        boolean advanced = !in.objectList("AdvancedEventSelectors").isEmpty();
        TrailSelectors result = cloudTrail.putEventSelectors(call, trailName, selectors, advanced);
        return JsonResult.of(out -> CloudTrailShapes.eventSelectors(out, result.trailArn(), result.eventSelectors()));
    }

    private static EventSelectorRequest selector(JsonInput in) {
        List<EventSelectorRequest.DataResourceRequest> data = in.objectList("DataResources").stream()
                .map(resource -> new EventSelectorRequest.DataResourceRequest(resource.string("Type"),
                        resource.stringList("Values")))
                .toList();
        return new EventSelectorRequest(in.string("ReadWriteType"), in.bool("IncludeManagementEvents"), data,
                in.stringList("ExcludeManagementEventSources"));
    }
}
