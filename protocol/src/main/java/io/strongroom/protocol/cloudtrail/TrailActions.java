package io.strongroom.protocol.cloudtrail;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.trails.CloudTrailService;
import io.strongroom.audit.trails.CreateTrailRequest;
import io.strongroom.audit.trails.Trail;
import io.strongroom.audit.trails.UpdateTrailRequest;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.json.Constraint;
import io.strongroom.protocol.json.JsonInput;
import io.strongroom.protocol.json.JsonOperationFamily;
import io.strongroom.protocol.json.JsonOperationTable;
import io.strongroom.protocol.json.JsonResult;
import java.util.List;

/** Trails themselves: CreateTrail, UpdateTrail, DeleteTrail, GetTrail, DescribeTrails and ListTrails. */
final class TrailActions implements JsonOperationFamily {
    /**
     * Deliveries Strongroom does not make (SNS notifications, CloudWatch Logs) and per-trail KMS
     * encryption: a trail that asked for one would silently go without, so the request is refused.
     */
    private static final String[] UNSUPPORTED = {"SnsTopicName", "CloudWatchLogsLogGroupArn", "CloudWatchLogsRoleArn",
        "KmsKeyId"};

    private final CloudTrailService cloudTrail;

    TrailActions(CloudTrailService cloudTrail) {
        this.cloudTrail = requireNonNull(cloudTrail, "cloudTrail");
    }

    @Override
    public void registerInto(JsonOperationTable table) {
        table.add("CreateTrail", this::createTrail)
                .add("UpdateTrail", this::updateTrail)
                .add("DeleteTrail", this::deleteTrail)
                .add("GetTrail", this::getTrail)
                .add("DescribeTrails", this::describeTrails)
                .add("ListTrails", this::listTrails);
    }

    private JsonResult createTrail(JsonInput in, CallContext call) {
        String name = in.requiredString("Name");
        String bucket = in.requiredString("S3BucketName");
        in.rejectUnsupported(UNSUPPORTED);
        if (!in.objectList("TagsList").isEmpty()) {
            throw in.violation(Constraint.UNSUPPORTED, "TagsList",
                    "Tags are not supported: trails do not store tags");
        }
        Trail trail = cloudTrail.createTrail(call, new CreateTrailRequest(name, bucket, in.string("S3KeyPrefix"),
                in.bool("IncludeGlobalServiceEvents"), in.bool("IsMultiRegionTrail"),
                in.bool("EnableLogFileValidation"), in.bool("IsOrganizationTrail")));
        return JsonResult.of(out -> CloudTrailShapes.trailSettings(out, trail));
    }

    private JsonResult updateTrail(JsonInput in, CallContext call) {
        String name = in.requiredString("Name");
        in.rejectUnsupported(UNSUPPORTED);
        Trail trail = cloudTrail.updateTrail(call, new UpdateTrailRequest(name, in.string("S3BucketName"),
                in.string("S3KeyPrefix"), in.bool("IncludeGlobalServiceEvents"), in.bool("IsMultiRegionTrail"),
                in.bool("EnableLogFileValidation"), in.bool("IsOrganizationTrail")));
        return JsonResult.of(out -> CloudTrailShapes.trailSettings(out, trail));
    }

    private JsonResult deleteTrail(JsonInput in, CallContext call) {
        cloudTrail.deleteTrail(call, in.requiredString("Name"));
        return JsonResult.of(out -> { });
    }

    private JsonResult getTrail(JsonInput in, CallContext call) {
        Trail trail = cloudTrail.getTrail(call, in.requiredString("Name"));
        return JsonResult.of(out -> out.object("Trail", members -> CloudTrailShapes.trail(members, trail)));
    }

    private JsonResult describeTrails(JsonInput in, CallContext call) {
        // the model spells these two members in lower camel case
        List<Trail> trails = cloudTrail.describeTrails(call, in.stringList("trailNameList"),
                in.bool("includeShadowTrails").orElse(true));
        return JsonResult.of(out -> out.objectList("trailList", trails, CloudTrailShapes::trail));
    }

    private JsonResult listTrails(JsonInput in, CallContext call) {
        List<Trail> trails = cloudTrail.listTrails(call, in.string("NextToken"));
        return JsonResult.of(out -> out.objectList("Trails", trails, CloudTrailShapes::trailInfo));
    }
}
