package io.strongroom.protocol.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.query.XmlWriter;
import io.strongroom.s3.StoredAcl;
import io.strongroom.s3.CopyObjectRequest;
import io.strongroom.s3.ObjectVersion;
import io.strongroom.s3.RequestedAcl;
import io.strongroom.s3.S3Service;
import io.strongroom.s3.checksum.ChecksumAlgorithm;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** CopyObject: {@code x-amz-copy-source} names the source, the rest of the request the destination. */
final class CopyActions {
    private final S3Service service;

    CopyActions(S3Service service) {
        this.service = requireNonNull(service, "service");
    }

    ApiResponse copy(CallContext call, S3Target target, ApiRequest request) {
        CopySource source = CopySource.parse(request.header("x-amz-copy-source").orElseThrow());
        boolean replaceMetadata = directive(request, "x-amz-metadata-directive", "Unknown metadata directive.");
        boolean replaceTags = directive(request, "x-amz-tagging-directive", "Unknown tagging directive.");
        Map<String, String> headers = ObjectActions.storedHeaders(request);
        Map<String, String> metadata = ObjectActions.userMetadata(request);
        Map<String, String> tags = ObjectActions.tags(request);
        CopyObjectRequest.Conditions conditions = new CopyObjectRequest.Conditions(
                request.header("x-amz-copy-source-if-match"), request.header("x-amz-copy-source-if-none-match"),
                request.header("x-amz-copy-source-if-modified-since").flatMap(ObjectActions::httpDate),
                request.header("x-amz-copy-source-if-unmodified-since").flatMap(ObjectActions::httpDate));
        CopyObjectRequest copy = new CopyObjectRequest(source.bucket(), source.key(), source.versionId(),
                target.bucket().orElseThrow(), target.key().orElseThrow(), replaceMetadata, headers, metadata,
                replaceTags, tags, ObjectActions.encryption(request),
                request.header("x-amz-server-side-encryption-aws-kms-key-id"), checksumAlgorithm(request),
                request.header("x-amz-storage-class"), conditions, ObjectActions.bucketKeyEnabled(request),
                CustomerKeyHeaders.ofCopySource(request), CustomerKeyHeaders.of(request),
                CustomerKeyHeaders.writeConditions(request));
        RequestedAcl acl = AclActions.requested(request);
        StoredAcl keptAcl = service.checkObjectAcl(call, copy.bucket(), copy.key(), acl);
        S3Service.CopiedObject copied = service.copyObject(call, copy, ObjectLockActions.lockRequest(request));
        service.keepObjectAcl(copied.version(), keptAcl);
        ObjectVersion version = copied.version();

        Map<String, String> answerHeaders = new LinkedHashMap<>();
        ObjectActions.versionHeader(version, answerHeaders);
        if (!copied.source().versionId().equals(ObjectVersion.NULL_VERSION)) {
            answerHeaders.put("x-amz-copy-source-version-id", copied.source().versionId());
        }
        ObjectActions.encryptionHeaders(version.encryption(), answerHeaders);
        XmlWriter document = S3Responses.document("CopyObjectResult")
                .element("ETag", ObjectActions.quoted(version.etag()))
                .element("LastModified", S3Responses.timestamp(version.lastModified()));
        version.checksum().ifPresent(checksum -> {
            document.element("ChecksumType", checksum.type());
            ChecksumAlgorithm.fromS3Name(checksum.algorithm()).ifPresent(a ->
                    document.element("Checksum" + a.s3Name(), checksum.value()));
        });
        ApiResponse xml = S3Responses.xml(document);
        Map<String, String> all = new LinkedHashMap<>(xml.headers());
        all.putAll(answerHeaders);
        return new ApiResponse(200, all, xml.body());
    }

    /** CopyObject names a checksum algorithm with x-amz-checksum-algorithm (there is no body to check). */
    private static Optional<ChecksumAlgorithm> checksumAlgorithm(ApiRequest request) {
        return request.header("x-amz-checksum-algorithm").map(name -> ChecksumAlgorithm.fromS3Name(name.strip())
                .orElseThrow(() -> new AwsException("InvalidRequest", 400,
                        "Value for x-amz-checksum-algorithm header is invalid.")));
    }

    /** COPY (false, the default) or REPLACE (true). */
    private static boolean directive(ApiRequest request, String header, String unknown) {
        Optional<String> value = request.header(header).map(String::strip);
        if (value.isEmpty() || value.get().equals("COPY")) {
            return false;
        }
        if (value.get().equals("REPLACE")) {
            return true;
        }
        throw new AwsException("InvalidArgument", 400, unknown);
    }

    /** {@code [/]bucket/key[?versionId=id]}, the bucket and key URL-encoded. */
    record CopySource(String bucket, String key, Optional<String> versionId) {
        static CopySource parse(String header) {
            String value = header.strip();
            Optional<String> versionId = Optional.empty();
            int query = value.indexOf('?');
            if (query >= 0) {
                String parameters = value.substring(query + 1);
                value = value.substring(0, query);
                if (!parameters.startsWith("versionId=") || parameters.length() == "versionId=".length()) {
                    throw new AwsException("InvalidArgument", 400, "Invalid copy source version id");
                }
                versionId = Optional.of(decoded(parameters.substring("versionId=".length())));
            }
            if (value.startsWith("/")) {
                value = value.substring(1);
            }
            int slash = value.indexOf('/');
            if (slash <= 0) {
                throw new AwsException("InvalidArgument", 400, "Invalid copy source bucket name");
            }
            String key = decoded(value.substring(slash + 1));
            if (key.isEmpty()) {
                throw new AwsException("InvalidArgument", 400, "Invalid copy source object key");
            }
            return new CopySource(decoded(value.substring(0, slash)), key, versionId);
        }

        private static String decoded(String encoded) {
            try {
                return S3Target.decode(encoded);
            } catch (AwsException e) {
                throw new AwsException("InvalidArgument", 400, "Invalid copy source encoding");
            }
        }
    }
}
