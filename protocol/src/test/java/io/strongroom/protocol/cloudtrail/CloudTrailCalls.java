package io.strongroom.protocol.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.audit.testing.CloudTrailFixture;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.support.BotocoreModel;
import io.strongroom.protocol.support.JsonServiceCalls;
import java.util.Optional;

/**
 * The CloudTrail handler over the real service (audit's and iam's in-memory fakes), called as the
 * server calls it, with the botocore model to check what it answers.
 */
final class CloudTrailCalls extends JsonServiceCalls {
    private static final Optional<BotocoreModel> MODEL = loadModel("cloudtrail", "2013-11-01", "CloudTrail");

    final CloudTrailFixture fixture;
    final CloudTrailJsonHandler handler;

    CloudTrailCalls() {
        this(new CloudTrailFixture());
    }

    private CloudTrailCalls(CloudTrailFixture fixture) {
        this(fixture, new CloudTrailJsonHandler(fixture.cloudTrail));
    }

    private CloudTrailCalls(CloudTrailFixture fixture, CloudTrailJsonHandler handler) {
        super(handler, CloudTrailJsonHandler.TARGET_PREFIX, fixture.admin, MODEL);
        this.fixture = fixture;
        this.handler = handler;
    }

    static Optional<BotocoreModel> model() {
        return MODEL;
    }

    /**
     * Asserts an error: HTTP 400, the code, a {@code Message}, and (when {@code declared}) that the
     * model lists the code for the operation.
     */
    static JsonNode assertError(ApiResponse response, String operation, String code, boolean declared) {
        return assertErrorBasics(MODEL, response, operation, code, declared);
    }

    static JsonNode assertError(ApiResponse response, String operation, String code) {
        return assertError(response, operation, code, true);
    }
}
