package io.strongroom.protocol.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.s3.S3Service;
import java.util.Map;

/** RestoreObject ({@code POST /<bucket>/<key>?restore}): a RestoreRequest document to a restore of an archived version. */
final class RestoreActions {
    private final S3Service service;

    RestoreActions(S3Service service) {
        this.service = requireNonNull(service, "service");
    }

    /** 202 Accepted when a restore starts, 200 OK when the version was restored already (its copy lives longer). */
    ApiResponse restore(CallContext call, S3Target target, ApiRequest request) {
        S3XmlInput document = S3XmlInput.parse(ContentIntegrity.checkedBody(request), "RestoreRequest")
                .orElseThrow(S3XmlInput::malformed);
        for (String unsupported : new String[] {"Type", "SelectParameters", "OutputLocation"}) {
            if (document.child(unsupported).isPresent()) {
                throw new AwsException("NotImplemented", 501, "A restore with " + unsupported
                        + " is not offered by this installation.");
            }
        }
        int days = document.text("Days").map(RestoreActions::integer).orElseThrow(S3XmlInput::malformed);
        String tier = document.child("GlacierJobParameters")
                .map(parameters -> parameters.text("Tier").orElseThrow(S3XmlInput::malformed))
                .or(() -> document.text("Tier"))
                .orElse("Standard");
        boolean started = service.restoreObject(call, target.bucket().orElseThrow(), target.key().orElseThrow(),
                target.parameter("versionId"), days, tier);
        return S3Responses.empty(started ? 202 : 200, Map.of());
    }

    private static int integer(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw S3XmlInput.malformed();
        }
    }
}
