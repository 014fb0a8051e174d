package io.strongroom.protocol.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.query.XmlWriter;
import io.strongroom.s3.ObjectVersion;
import io.strongroom.s3.S3Service;
import java.util.LinkedHashMap;
import java.util.Map;

/** Put/Get/DeleteObjectTagging and Put/Get/DeleteBucketTagging: {@code Tagging} documents. */
final class TaggingActions {
    private final S3Service service;

    TaggingActions(S3Service service) {
        this.service = requireNonNull(service, "service");
    }

    ApiResponse putObject(CallContext call, S3Target target, ApiRequest request) {
        ObjectVersion version = service.putObjectTagging(call, target.bucket().orElseThrow(),
                target.key().orElseThrow(), target.parameter("versionId"), read(request));
        return S3Responses.empty(200, versionHeader(version));
    }

    ApiResponse getObject(CallContext call, S3Target target) {
        ObjectVersion version = service.getObjectTagging(call, target.bucket().orElseThrow(),
                target.key().orElseThrow(), target.parameter("versionId"));
        ApiResponse xml = S3Responses.xml(write(version.tags()));
        Map<String, String> headers = new LinkedHashMap<>(xml.headers());
        headers.putAll(versionHeader(version));
        return new ApiResponse(200, headers, xml.body());
    }

    ApiResponse deleteObject(CallContext call, S3Target target) {
        ObjectVersion version = service.deleteObjectTagging(call, target.bucket().orElseThrow(),
                target.key().orElseThrow(), target.parameter("versionId"));
        return S3Responses.empty(204, versionHeader(version));
    }

    ApiResponse putBucket(CallContext call, S3Target target, ApiRequest request) {
        service.putBucketTagging(call, target.bucket().orElseThrow(), read(request));
        return S3Responses.empty(204, Map.of());
    }

    ApiResponse getBucket(CallContext call, S3Target target) {
        return S3Responses.xml(write(service.bucketTagging(call, target.bucket().orElseThrow())));
    }

    ApiResponse deleteBucket(CallContext call, S3Target target) {
        service.deleteBucketTagging(call, target.bucket().orElseThrow());
        return S3Responses.empty(204, Map.of());
    }

    /** {@code <Tagging><TagSet><Tag><Key/><Value/></Tag>…</TagSet></Tagging>}; keys must be unique. */
    private static Map<String, String> read(ApiRequest request) {
        S3XmlInput tagging = S3XmlInput.parse(ContentIntegrity.checkedBody(request), "Tagging")
                .orElseThrow(S3XmlInput::malformed);
        S3XmlInput tagSet = tagging.child("TagSet").orElseThrow(S3XmlInput::malformed);
        Map<String, String> tags = new LinkedHashMap<>();
        for (S3XmlInput tag : tagSet.children("Tag")) {
            String key = tag.rawText("Key").orElseThrow(S3XmlInput::malformed);
            String value = tag.rawText("Value").orElseThrow(S3XmlInput::malformed);
            if (tags.put(key, value) != null) {
                throw new AwsException("InvalidTag", 400, "Cannot provide multiple Tags with the same key");
            }
        }
        return tags;
    }

    private static XmlWriter write(Map<String, String> tags) {
        XmlWriter document = S3Responses.document("Tagging").start("TagSet");
        tags.forEach((key, value) -> document.start("Tag").element("Key", key).element("Value", value).end());
        return document.end();
    }

    private static Map<String, String> versionHeader(ObjectVersion version) {
        // tagging answers name the version even when it is the null version
        return Map.of("x-amz-version-id", version.versionId());
    }
}
