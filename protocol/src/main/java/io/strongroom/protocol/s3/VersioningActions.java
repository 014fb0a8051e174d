package io.strongroom.protocol.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.query.XmlWriter;
import io.strongroom.s3.Bucket;
import io.strongroom.s3.ObjectVersion;
import io.strongroom.s3.S3Service;
import java.util.Map;

/** PutBucketVersioning, GetBucketVersioning and ListObjectVersions. */
final class VersioningActions {
    private final S3Service service;

    VersioningActions(S3Service service) {
        this.service = requireNonNull(service, "service");
    }

    ApiResponse put(CallContext call, S3Target target, ApiRequest request) {
        S3XmlInput configuration = S3XmlInput.parse(ContentIntegrity.checkedBody(request), "VersioningConfiguration")
                .orElseThrow(S3XmlInput::malformed);
        service.putBucketVersioning(call, target.bucket().orElseThrow(), configuration.text("Status"),
                configuration.text("MfaDelete"));
        return S3Responses.empty(200, Map.of());
    }

    ApiResponse get(CallContext call, S3Target target) {
        Bucket.Versioning state = service.bucketVersioning(call, target.bucket().orElseThrow());
        XmlWriter document = S3Responses.document("VersioningConfiguration");
        switch (state) {
            case ENABLED -> document.element("Status", "Enabled");
            case SUSPENDED -> document.element("Status", "Suspended");
            case UNVERSIONED -> {
                // a bucket never versioned answers an empty configuration
            }
        }
        return S3Responses.xml(document);
    }

    ApiResponse list(CallContext call, S3Target target) {
        String bucket = target.bucket().orElseThrow();
        String prefix = target.parameter("prefix").orElse("");
        String delimiter = target.parameter("delimiter").orElse("");
        boolean urlEncoded = target.parameter("encoding-type").map(type -> {
            if (!type.equals("url")) {
                throw new AwsException("InvalidArgument", 400, "Invalid Encoding Method specified in Request");
            }
            return true;
        }).orElse(false);
        int maxKeys = ObjectActions.maxKeys(target);
        String keyMarker = target.parameter("key-marker").orElse("");
        String versionIdMarker = target.parameter("version-id-marker").orElse("");
        S3Service.VersionList page = service.listObjectVersions(call, bucket, prefix, delimiter, keyMarker,
                versionIdMarker, maxKeys);

        XmlWriter document = S3Responses.document("ListVersionsResult")
                .element("Name", bucket)
                .element("Prefix", ObjectActions.encoded(prefix, urlEncoded))
                .element("KeyMarker", ObjectActions.encoded(keyMarker, urlEncoded))
                .element("VersionIdMarker", versionIdMarker);
        if (page.truncated()) {
            document.element("NextKeyMarker", ObjectActions.encoded(page.nextKeyMarker(), urlEncoded));
            if (!page.nextVersionIdMarker().isEmpty()) {
                document.element("NextVersionIdMarker", page.nextVersionIdMarker());
            }
        }
        document.element("MaxKeys", maxKeys);
        if (!delimiter.isEmpty()) {
            document.element("Delimiter", ObjectActions.encoded(delimiter, urlEncoded));
        }
        document.element("IsTruncated", page.truncated());
        if (urlEncoded) {
            document.element("EncodingType", "url");
        }
        for (S3Service.ListedVersion listed : page.versions()) {
            ObjectVersion version = listed.version();
            document.start(version.deleteMarker() ? "DeleteMarker" : "Version")
                    .element("Key", ObjectActions.encoded(version.key(), urlEncoded))
                    .element("VersionId", version.versionId())
                    .element("IsLatest", listed.latest())
                    .element("LastModified", S3Responses.timestamp(version.lastModified()));
            if (!version.deleteMarker()) {
                document.element("ETag", ObjectActions.quoted(version.etag()))
                        .element("Size", version.size())
                        .element("StorageClass", version.storageClass());
                version.checksum().ifPresent(checksum -> document.element("ChecksumAlgorithm", checksum.algorithm())
                        .element("ChecksumType", checksum.type()));
            }
            document.start("Owner").element("ID", listed.owner()).end();
            document.end();
        }
        for (String common : page.commonPrefixes()) {
            document.start("CommonPrefixes").element("Prefix", ObjectActions.encoded(common, urlEncoded)).end();
        }
        return S3Responses.xml(document);
    }
}
