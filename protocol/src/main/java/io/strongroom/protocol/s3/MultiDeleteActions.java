package io.strongroom.protocol.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.query.XmlWriter;
import io.strongroom.s3.S3Service;
import java.util.ArrayList;
import java.util.List;

/**
 * DeleteObjects: up to 1000 keys in a {@code Delete} document whose integrity the request proves with
 * Content-MD5 or a flexible checksum, as S3 requires; each key's outcome reported on its own.
 */
final class MultiDeleteActions {
    static final int MAX_OBJECTS = 1000;

    private final S3Service service;

    MultiDeleteActions(S3Service service) {
        this.service = requireNonNull(service, "service");
    }

    ApiResponse delete(CallContext call, S3Target target, ApiRequest request) {
        byte[] body = ContentIntegrity.checkedBody(request);
        S3XmlInput document = S3XmlInput.parse(body, "Delete").orElseThrow(S3XmlInput::malformed);
        boolean quiet = document.text("Quiet").map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw S3XmlInput.malformed();
        }).orElse(false);
        List<S3XmlInput> objects = document.children("Object");
        if (objects.isEmpty() || objects.size() > MAX_OBJECTS) {
            throw S3XmlInput.malformed();
        }
        List<S3Service.ObjectToDelete> keys = new ArrayList<>();
        for (S3XmlInput object : objects) {
            String key = object.rawText("Key").orElseThrow(S3XmlInput::malformed);
            keys.add(new S3Service.ObjectToDelete(key, object.text("VersionId")));
        }
        List<S3Service.MultiDeleteResult> results = service.deleteObjects(call, target.bucket().orElseThrow(), keys,
                ObjectLockActions.bypassGovernance(request));
        XmlWriter answer = S3Responses.document("DeleteResult");
        for (S3Service.MultiDeleteResult result : results) {
            if (result.deleted().isPresent()) {
                if (quiet) {
                    continue;
                }
                S3Service.DeletedObject deleted = result.deleted().get();
                answer.start("Deleted").element("Key", result.target().key());
                result.target().versionId().ifPresent(id -> answer.element("VersionId", id));
                if (deleted.deleteMarker()) {
                    answer.element("DeleteMarker", true);
                    deleted.versionId().ifPresent(id -> answer.element("DeleteMarkerVersionId", id));
                }
                answer.end();
            } else {
                AwsException error = result.error().orElseThrow();
                answer.start("Error").element("Key", result.target().key());
                result.target().versionId().ifPresent(id -> answer.element("VersionId", id));
                answer.element("Code", S3Responses.code(error))
                        .element("Message", error.getMessage() == null ? "" : error.getMessage())
                        .end();
            }
        }
        return S3Responses.xml(answer);
    }
}
