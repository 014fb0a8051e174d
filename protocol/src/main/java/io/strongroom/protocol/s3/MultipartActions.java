package io.strongroom.protocol.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.query.XmlWriter;
import io.strongroom.s3.ByteRange;
import io.strongroom.s3.StoredAcl;
import io.strongroom.s3.CompletedPart;
import io.strongroom.s3.CreateMultipartUploadRequest;
import io.strongroom.s3.CustomerKey;
import io.strongroom.s3.MultipartOperations;
import io.strongroom.s3.MultipartUpload;
import io.strongroom.s3.ObjectContent;
import io.strongroom.s3.ObjectRead;
import io.strongroom.s3.ObjectVersion;
import io.strongroom.s3.RequestedAcl;
import io.strongroom.s3.S3Service;
import io.strongroom.s3.StorageClasses;
import io.strongroom.s3.UploadPart;
import io.strongroom.s3.UploadPartRequest;
import io.strongroom.s3.checksum.ChecksumAlgorithm;
import io.strongroom.s3.checksum.CrcCombination;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * CreateMultipartUpload, UploadPart, UploadPartCopy, CompleteMultipartUpload, AbortMultipartUpload,
 * ListParts and ListMultipartUploads, and the part ranges of GetObject and HeadObject by part number.
 */
final class MultipartActions {
    private final S3Service service;

    MultipartActions(S3Service service) {
        this.service = requireNonNull(service, "service");
    }

    ApiResponse create(CallContext call, S3Target target, ApiRequest request) {
        Optional<ChecksumAlgorithm> algorithm = request.header("x-amz-checksum-algorithm").map(name ->
                ChecksumAlgorithm.fromS3Name(name.strip()).orElseThrow(() -> new AwsException("InvalidRequest", 400,
                        "Checksum algorithm provided is unsupported. Please try again with any of the valid types:"
                                + " [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]")));
        Optional<String> type = request.header("x-amz-checksum-type").map(t -> t.strip().toUpperCase(Locale.ROOT));
        if (type.isPresent() && !type.get().equals("COMPOSITE") && !type.get().equals("FULL_OBJECT")) {
            throw new AwsException("InvalidRequest", 400, "The x-amz-checksum-type header is invalid.");
        }
        if (type.isPresent() && algorithm.isEmpty()) {
            throw new AwsException("InvalidRequest", 400,
                    "The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.");
        }
        // CRC64NVME is full-object only, the SHAs composite only; the CRC32s may be either
        boolean fullObject = type.map(t -> t.equals("FULL_OBJECT"))
                .orElse(algorithm.filter(a -> a == ChecksumAlgorithm.CRC64NVME).isPresent());
        if (algorithm.isPresent() && (fullObject ? !CrcCombination.supports(algorithm.get())
                : algorithm.get() == ChecksumAlgorithm.CRC64NVME)) {
            throw new AwsException("InvalidRequest", 400, "The " + (fullObject ? "FULL_OBJECT" : "COMPOSITE")
                    + " checksum type cannot be used with the " + algorithm.get().s3Name().toLowerCase(Locale.ROOT)
                    + " checksum algorithm.");
        }
        RequestedAcl acl = AclActions.requested(request);
        StoredAcl keptAcl = service.checkObjectAcl(call, target.bucket().orElseThrow(), target.key().orElseThrow(), acl);
        String storageClass = StorageClasses.ofWrite(request.header("x-amz-storage-class").map(String::strip));
        MultipartUpload upload = service.createMultipartUpload(call, new CreateMultipartUploadRequest(
                target.bucket().orElseThrow(), target.key().orElseThrow(), ObjectActions.storedHeaders(request),
                ObjectActions.userMetadata(request), ObjectActions.tags(request), ObjectActions.encryption(request),
                request.header("x-amz-server-side-encryption-aws-kms-key-id"), algorithm, fullObject,
                ObjectActions.bucketKeyEnabled(request), CustomerKeyHeaders.of(request)),
                ObjectLockActions.lockRequest(request), storageClass, keptAcl);
        XmlWriter document = S3Responses.document("InitiateMultipartUploadResult")
                .element("Bucket", upload.bucket())
                .element("Key", upload.key())
                .element("UploadId", upload.uploadId());
        ApiResponse xml = S3Responses.xml(document);
        Map<String, String> headers = new LinkedHashMap<>(xml.headers());
        ObjectActions.encryptionHeaders(upload.encryption(), headers);
        upload.checksumAlgorithm().ifPresent(a -> {
            headers.put("x-amz-checksum-algorithm", a.s3Name());
            headers.put("x-amz-checksum-type", upload.checksumType());
        });
        return new ApiResponse(xml.status(), headers, xml.body());
    }

    ApiResponse uploadPart(CallContext call, S3Target target, ApiRequest request) {
        PayloadTrailers trailers = PayloadTrailers.of(request.bodyStream());
        Optional<ChecksumAlgorithm> algorithm = ObjectActions.checksumAlgorithm(request);
        Supplier<Optional<String>> expected = () -> algorithm.flatMap(a -> request.header(a.headerName())
                .or(() -> trailers.value(a.headerName())));
        UploadPartRequest part = new UploadPartRequest(target.bucket().orElseThrow(), target.key().orElseThrow(),
                uploadId(target), partNumber(target), ObjectActions.contentLength(request),
                request.header("Content-MD5"), algorithm, expected, CustomerKeyHeaders.of(request));
        MultipartOperations.UploadedPart result = service.uploadPart(call, part, request.bodyStream());
        UploadPart uploaded = result.part();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", ObjectActions.quoted(uploaded.etag()));
        ObjectActions.encryptionHeaders(result.encryption(), headers);
        uploaded.checksum().ifPresent(c -> ChecksumAlgorithm.fromS3Name(c.algorithm())
                .ifPresent(a -> headers.put(a.headerName(), c.value())));
        return S3Responses.empty(200, headers);
    }

    /**
     * UploadPartCopy: the source (all of it, or {@code x-amz-copy-source-range}) read as the caller,
     * who needs s3:GetObject on it, and stored as the part.
     */
    ApiResponse uploadPartCopy(CallContext call, S3Target target, ApiRequest request) {
        String bucket = target.bucket().orElseThrow();
        String key = target.key().orElseThrow();
        String uploadId = uploadId(target);
        int partNumber = partNumber(target);
        CopySource source = CopySource.parse(request.header("x-amz-copy-source").orElseThrow());
        Optional<ByteRange> range = request.header("x-amz-copy-source-range").map(MultipartActions::copyRange);
        Optional<CustomerKey> sourceKey = CustomerKeyHeaders.ofCopySource(request);
        Optional<CustomerKey> customerKey = CustomerKeyHeaders.of(request);
        ObjectRead read = service.readObject(call, source.bucket(), source.key(), source.versionId(), sourceKey);
        ObjectVersion head = read.version();
        MultipartOperations.UploadedPart result;
        try (ObjectContent content = read.open(range)) {
            result = service.uploadCopiedPart(call, new UploadPartRequest(bucket, key, uploadId, partNumber,
                    content.length(), Optional.empty(), Optional.empty(), Optional::empty, customerKey),
                    content.body());
        }
        UploadPart uploaded = result.part();
        XmlWriter document = S3Responses.document("CopyPartResult")
                .element("ETag", ObjectActions.quoted(uploaded.etag()))
                .element("LastModified", S3Responses.timestamp(uploaded.lastModified()));
        uploaded.checksum().ifPresent(c -> document.element("Checksum" + c.algorithm(), c.value()));
        ApiResponse xml = S3Responses.xml(document);
        Map<String, String> headers = new LinkedHashMap<>(xml.headers());
        ObjectActions.encryptionHeaders(result.encryption(), headers);
        if (!head.versionId().equals(ObjectVersion.NULL_VERSION)) {
            headers.put("x-amz-copy-source-version-id", head.versionId());
        }
        return new ApiResponse(xml.status(), headers, xml.body());
    }

    ApiResponse complete(CallContext call, S3Target target, ApiRequest request) {
        String bucket = target.bucket().orElseThrow();
        String key = target.key().orElseThrow();
        S3XmlInput body = S3XmlInput.read(request, "CompleteMultipartUpload").orElseThrow(S3XmlInput::malformed);
        List<CompletedPart> parts = new ArrayList<>();
        for (S3XmlInput part : body.children("Part")) {
            int number;
            try {
                number = Integer.parseInt(part.text("PartNumber").orElseThrow(S3XmlInput::malformed));
            } catch (NumberFormatException e) {
                throw S3XmlInput.malformed();
            }
            String etag = part.text("ETag").orElseThrow(S3XmlInput::malformed);
            Map<ChecksumAlgorithm, String> checksums = new LinkedHashMap<>();
            for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
                part.text("Checksum" + algorithm.s3Name()).ifPresent(value -> checksums.put(algorithm, value));
            }
            parts.add(new CompletedPart(number, etag, checksums));
        }
        Map<ChecksumAlgorithm, String> objectChecksums = new LinkedHashMap<>();
        for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
            request.header(algorithm.headerName()).ifPresent(value -> objectChecksums.put(algorithm, value));
        }
        ObjectVersion version = service.completeMultipartUpload(call, bucket, key, uploadId(target), parts,
                objectChecksums, CustomerKeyHeaders.of(request), CustomerKeyHeaders.writeConditions(request));
        String host = request.header("Host").orElse("localhost");
        XmlWriter document = S3Responses.document("CompleteMultipartUploadResult")
                .element("Location", "http://" + host + "/" + bucket + "/" + pathEncoded(key))
                .element("Bucket", bucket)
                .element("Key", key)
                .element("ETag", ObjectActions.quoted(version.etag()));
        version.checksum().ifPresent(c -> document.element("Checksum" + c.algorithm(), c.value())
                .element("ChecksumType", c.type()));
        ApiResponse xml = S3Responses.xml(document);
        Map<String, String> headers = new LinkedHashMap<>(xml.headers());
        if (!version.versionId().equals(ObjectVersion.NULL_VERSION)) {
            headers.put("x-amz-version-id", version.versionId());
        }
        ObjectActions.encryptionHeaders(version.encryption(), headers);
        return new ApiResponse(xml.status(), headers, xml.body());
    }

    ApiResponse abort(CallContext call, S3Target target) {
        service.abortMultipartUpload(call, target.bucket().orElseThrow(), target.key().orElseThrow(),
                uploadId(target));
        return S3Responses.empty(204, Map.of());
    }

    ApiResponse listParts(CallContext call, S3Target target) {
        int marker = integer(target, "part-number-marker", 0, "Argument part-number-marker must be an integer"
                + " between 0 and 2147483647");
        int maxParts = integer(target, "max-parts", MultipartOperations.MAX_LISTED,
                "Argument max-parts must be an integer between 0 and 2147483647");
        MultipartOperations.PartList page = service.listParts(call, target.bucket().orElseThrow(),
                target.key().orElseThrow(), uploadId(target), marker, maxParts);
        MultipartUpload upload = page.upload();
        XmlWriter document = S3Responses.document("ListPartsResult")
                .element("Bucket", upload.bucket())
                .element("Key", upload.key())
                .element("UploadId", upload.uploadId());
        people(document, upload);
        document.element("StorageClass", upload.storageClass())
                .element("PartNumberMarker", marker)
                .element("NextPartNumberMarker", page.nextPartNumberMarker())
                .element("MaxParts", Math.min(maxParts, MultipartOperations.MAX_LISTED))
                .element("IsTruncated", page.truncated());
        upload.checksumAlgorithm().ifPresent(a -> document.element("ChecksumAlgorithm", a.s3Name())
                .element("ChecksumType", upload.checksumType()));
        for (UploadPart part : page.parts()) {
            document.start("Part")
                    .element("PartNumber", part.partNumber())
                    .element("LastModified", S3Responses.timestamp(part.lastModified()))
                    .element("ETag", ObjectActions.quoted(part.etag()))
                    .element("Size", part.size());
            part.checksum().ifPresent(c -> document.element("Checksum" + c.algorithm(), c.value()));
            document.end();
        }
        return S3Responses.xml(document);
    }

    ApiResponse listUploads(CallContext call, S3Target target) {
        String bucket = target.bucket().orElseThrow();
        String prefix = target.parameter("prefix").orElse("");
        String delimiter = target.parameter("delimiter").orElse("");
        String keyMarker = target.parameter("key-marker").orElse("");
        String uploadIdMarker = target.parameter("upload-id-marker").orElse("");
        boolean urlEncoded = target.parameter("encoding-type").map(type -> {
            if (!type.equals("url")) {
                throw new AwsException("InvalidArgument", 400, "Invalid Encoding Method specified in Request");
            }
            return true;
        }).orElse(false);
        int maxUploads = integer(target, "max-uploads", MultipartOperations.MAX_LISTED,
                "Argument max-uploads must be an integer between 0 and 2147483647");
        MultipartOperations.UploadList page = service.listMultipartUploads(call, bucket, prefix, delimiter, keyMarker,
                uploadIdMarker, maxUploads);
        XmlWriter document = S3Responses.document("ListMultipartUploadsResult")
                .element("Bucket", bucket)
                .element("KeyMarker", ObjectActions.encoded(keyMarker, urlEncoded))
                .element("UploadIdMarker", uploadIdMarker)
                .element("NextKeyMarker", ObjectActions.encoded(page.nextKeyMarker(), urlEncoded))
                .element("NextUploadIdMarker", page.nextUploadIdMarker())
                .element("Prefix", ObjectActions.encoded(prefix, urlEncoded));
        if (!delimiter.isEmpty()) {
            document.element("Delimiter", ObjectActions.encoded(delimiter, urlEncoded));
        }
        document.element("MaxUploads", Math.min(maxUploads, MultipartOperations.MAX_LISTED))
                .element("IsTruncated", page.truncated());
        if (urlEncoded) {
            document.element("EncodingType", "url");
        }
        for (MultipartUpload upload : page.uploads()) {
            document.start("Upload")
                    .element("Key", ObjectActions.encoded(upload.key(), urlEncoded))
                    .element("UploadId", upload.uploadId());
            people(document, upload);
            document.element("StorageClass", upload.storageClass())
                    .element("Initiated", S3Responses.timestamp(upload.initiated()));
            upload.checksumAlgorithm().ifPresent(a -> document.element("ChecksumAlgorithm", a.s3Name())
                    .element("ChecksumType", upload.checksumType()));
            document.end();
        }
        for (String common : page.commonPrefixes()) {
            document.start("CommonPrefixes").element("Prefix", ObjectActions.encoded(common, urlEncoded)).end();
        }
        return S3Responses.xml(document);
    }

    /** The part a GetObject or HeadObject with {@code partNumber} asks for; empty without one. */
    static Optional<MultipartOperations.PartRange> partRange(S3Service service, S3Target target, ApiRequest request,
                                                            ObjectVersion version) {
        if (target.parameter("partNumber").isEmpty()) {
            return Optional.empty();
        }
        if (request.header("Range").isPresent()) {
            throw new AwsException("InvalidRequest", 400, "Cannot specify both Range header and partNumber query"
                    + " parameter.");
        }
        return Optional.of(service.partRange(version, partNumber(target)));
    }

    // ---- helpers

    private static void people(XmlWriter document, MultipartUpload upload) {
        document.start("Initiator").element("ID", upload.initiatorArn())
                .element("DisplayName", upload.initiatorArn()).end()
                .start("Owner").element("DisplayName", upload.ownerAccountId())
                .element("ID", upload.ownerAccountId()).end();
    }

    private static String uploadId(S3Target target) {
        return target.parameter("uploadId").orElseThrow(MultipartActions::noSuchUploadId);
    }

    private static AwsException noSuchUploadId() {
        return new AwsException("NoSuchUpload", 404, "The specified upload does not exist. The upload ID may be"
                + " invalid, or the upload may have been aborted or completed.");
    }

    static int partNumber(S3Target target) {
        String value = target.parameter("partNumber").orElse("");
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new AwsException("InvalidArgument", 400,
                    "Part number must be an integer between 1 and 10000, inclusive");
        }
    }

    private static int integer(S3Target target, String name, int otherwise, String message) {
        Optional<String> value = target.parameter(name);
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            int parsed = Integer.parseInt(value.get().strip());
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new AwsException("InvalidArgument", 400, message);
        }
    }

    private static ByteRange copyRange(String header) {
        Optional<ByteRange> range = ObjectActions.range(header);
        if (range.isEmpty() || range.get().first() < 0 || range.get().last() < 0) {
            throw new AwsException("InvalidArgument", 400,
                    "The x-amz-copy-source-range value must be of the form bytes=first-last where first and last"
                            + " are the zero-based offsets of the first and last bytes to copy");
        }
        return range.get();
    }

    private static String pathEncoded(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }

    /** {@code x-amz-copy-source}: {@code [/]bucket/key[?versionId=id]}, URL-encoded. */
    private record CopySource(String bucket, String key, Optional<String> versionId) {
        static CopySource parse(String header) {
            String value = header.strip();
            Optional<String> versionId = Optional.empty();
            int query = value.indexOf('?');
            if (query >= 0) {
                String parameters = value.substring(query + 1);
                value = value.substring(0, query);
                if (parameters.startsWith("versionId=")) {
                    versionId = Optional.of(S3Target.decode(parameters.substring("versionId=".length())));
                }
            }
            String decoded = S3Target.decode(value.startsWith("/") ? value.substring(1) : value);
            int slash = decoded.indexOf('/');
            if (slash <= 0 || slash == decoded.length() - 1) {
                throw new AwsException("InvalidArgument", 400, "Invalid copy source object key");
            }
            return new CopySource(decoded.substring(0, slash), decoded.substring(slash + 1), versionId);
        }
    }
}
