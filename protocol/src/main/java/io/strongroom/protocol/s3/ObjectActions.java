package io.strongroom.protocol.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.query.FormDecoder;
import io.strongroom.protocol.query.XmlWriter;
import io.strongroom.s3.ByteRange;
import io.strongroom.s3.CustomerKey;
import io.strongroom.s3.MultipartOperations;
import io.strongroom.s3.ObjectContent;
import io.strongroom.s3.ObjectEncryption;
import io.strongroom.s3.ObjectRead;
import io.strongroom.s3.ObjectVersion;
import io.strongroom.s3.PutObjectRequest;
import io.strongroom.s3.S3Service;
import io.strongroom.s3.StorageClasses;
import io.strongroom.s3.checksum.ChecksumAlgorithm;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PutObject, GetObject, HeadObject, DeleteObject, ListObjects and ListObjectsV2. */
final class ObjectActions {
    /** The headers S3 stores with an object and returns with it, by their canonical names. */
    private static final List<String> STORED_HEADERS = List.of("Content-Type", "Content-Encoding",
            "Content-Disposition", "Content-Language", "Cache-Control", "Expires");
    private static final String USER_METADATA_PREFIX = "x-amz-meta-";
    private static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";
    private static final Pattern SINGLE_RANGE = Pattern.compile("bytes=(\\d{0,19})-(\\d{0,19})");
    private static final int MAX_TAGS = 10;
    private static final int TRANSFER_BUFFER = 256 * 1024;

    private final S3Service service;
    private final ObjectLockActions objectLock;

    ObjectActions(S3Service service, ObjectLockActions objectLock) {
        this.service = requireNonNull(service, "service");
        this.objectLock = requireNonNull(objectLock, "objectLock");
    }

    ApiResponse put(CallContext call, S3Target target, ApiRequest request) {
        PayloadTrailers trailers = PayloadTrailers.of(request.bodyStream());
        Optional<ChecksumAlgorithm> algorithm = checksumAlgorithm(request);
        Supplier<Optional<String>> expected = () -> algorithm.flatMap(a -> request.header(a.headerName())
                .or(() -> trailers.value(a.headerName())));
        PutObjectRequest put = new PutObjectRequest(target.bucket().orElseThrow(), target.key().orElseThrow(),
                contentLength(request), storedHeaders(request), userMetadata(request), request.header("Content-MD5"),
                algorithm, expected, tags(request), encryption(request),
                request.header("x-amz-server-side-encryption-aws-kms-key-id"), AclActions.requested(request),
                bucketKeyEnabled(request), CustomerKeyHeaders.of(request), CustomerKeyHeaders.writeConditions(request));
        String storageClass = StorageClasses.ofWrite(request.header("x-amz-storage-class").map(String::strip));
        ObjectVersion version = service.putObject(call, put, ObjectLockActions.lockRequest(request), storageClass,
                request.bodyStream());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", quoted(version.etag()));
        versionHeader(version, headers);
        encryptionHeaders(version.encryption(), headers);
        version.checksum().ifPresent(checksum -> ChecksumAlgorithm.fromS3Name(checksum.algorithm())
                .ifPresent(a -> headers.put(a.headerName(), checksum.value())));
        return S3Responses.empty(200, headers);
    }

    ApiResponse get(CallContext call, S3Target target, ApiRequest request) {
        Optional<ByteRange> range = request.header("Range").flatMap(ObjectActions::range);
        String bucket = target.bucket().orElseThrow();
        String key = target.key().orElseThrow();
        Optional<String> versionId = target.parameter("versionId");
        Optional<CustomerKey> customerKey = CustomerKeyHeaders.of(request);
        ObjectRead read = service.readObject(call, bucket, key, versionId, customerKey);
        ObjectVersion head = read.version();
        Optional<ApiResponse> unchanged = preconditions(request, head);
        if (unchanged.isPresent()) {
            return unchanged.get();
        }
        Optional<MultipartOperations.PartRange> part = MultipartActions.partRange(service, target, request, head);
        if (part.isPresent()) {
            range = Optional.of(part.get().range());
        }
        // exactly the version the preconditions were judged on, even when a newer one came in meanwhile
        ObjectContent content = read.open(range);
        Map<String, String> headers = objectHeaders(head, request, target, !content.ranged());
        nullVersionHeader(read, headers);
        restoreHeader(head, headers);
        objectLock.readHeaders(call, read, headers);
        int status = 200;
        part.ifPresent(p -> p.partsCount().ifPresent(count -> headers.put("x-amz-mp-parts-count",
                Integer.toString(count))));
        if (content.ranged()) {
            status = 206;
            headers.put("Content-Range", "bytes " + content.first() + "-" + (content.first() + content.length() - 1)
                    + "/" + content.version().size());
        }
        InputStream body = content.body();
        return ApiResponse.streamed(status, headers, content.length(), new ApiResponse.StreamedBody() {
            @Override
            public void writeTo(java.io.OutputStream out) throws java.io.IOException {
                // writes of up to a quarter segment: InputStream.transferTo's 16 KiB costs a write each
                byte[] buffer = new byte[(int) Math.max(1, Math.min(TRANSFER_BUFFER, content.length()))];
                int n;
                while ((n = body.read(buffer)) != -1) {
                    out.write(buffer, 0, n);
                }
            }

            @Override
            public void close() {
                content.close();
            }
        });
    }

    ApiResponse head(CallContext call, S3Target target, ApiRequest request) {
        ObjectRead read = service.readObject(call, target.bucket().orElseThrow(), target.key().orElseThrow(),
                target.parameter("versionId"), CustomerKeyHeaders.of(request));
        ObjectVersion version = read.version();
        Optional<ApiResponse> unchanged = preconditions(request, version);
        if (unchanged.isPresent()) {
            return unchanged.get();
        }
        Optional<MultipartOperations.PartRange> part = MultipartActions.partRange(service, target, request, version);
        Map<String, String> headers = objectHeaders(version, request, target, part.isEmpty());
        headers.put("Content-Length", Long.toString(version.size()));
        nullVersionHeader(read, headers);
        restoreHeader(version, headers);
        objectLock.readHeaders(call, read, headers);
        if (part.isPresent()) {
            long[] bounds = part.get().bounds();
            headers.put("Content-Length", Long.toString(bounds[1] - bounds[0] + 1));
            headers.put("Content-Range", "bytes " + bounds[0] + "-" + bounds[1] + "/" + version.size());
            part.get().partsCount().ifPresent(count -> headers.put("x-amz-mp-parts-count", Integer.toString(count)));
            return S3Responses.empty(206, headers);
        }
        return S3Responses.empty(200, headers);
    }

    ApiResponse delete(CallContext call, S3Target target, ApiRequest request) {
        S3Service.DeletedObject deleted = service.deleteObject(call, target.bucket().orElseThrow(),
                target.key().orElseThrow(), target.parameter("versionId"), ObjectLockActions.bypassGovernance(request));
        Map<String, String> headers = new LinkedHashMap<>();
        deleted.versionId().ifPresent(id -> headers.put("x-amz-version-id", id));
        if (deleted.deleteMarker()) {
            headers.put("x-amz-delete-marker", "true");
        }
        return S3Responses.empty(204, headers);
    }

    ApiResponse list(CallContext call, S3Target target, boolean v2) {
        String bucket = target.bucket().orElseThrow();
        String prefix = target.parameter("prefix").orElse("");
        String delimiter = target.parameter("delimiter").orElse("");
        boolean urlEncoded = target.parameter("encoding-type").map(type -> {
            if (!type.equals("url")) {
                throw new AwsException("InvalidArgument", 400, "Invalid Encoding Method specified in Request");
            }
            return true;
        }).orElse(false);
        int maxKeys = maxKeys(target);
        Optional<String> continuation = v2 ? target.parameter("continuation-token") : Optional.empty();
        String after = continuation.map(ObjectActions::decodeContinuation)
                .orElseGet(() -> target.parameter(v2 ? "start-after" : "marker").orElse(""));
        S3Service.ObjectList page = service.listObjects(call, bucket, prefix, delimiter, after, maxKeys);

        XmlWriter document = S3Responses.document("ListBucketResult")
                .element("Name", bucket)
                .element("Prefix", encoded(prefix, urlEncoded));
        if (v2) {
            target.parameter("start-after").ifPresent(value -> document.element("StartAfter", encoded(value, urlEncoded)));
            continuation.ifPresent(token -> document.element("ContinuationToken", token));
            document.element("KeyCount", page.contents().size() + page.commonPrefixes().size());
        } else {
            document.element("Marker", encoded(target.parameter("marker").orElse(""), urlEncoded));
        }
        document.element("MaxKeys", maxKeys);
        if (!delimiter.isEmpty()) {
            document.element("Delimiter", encoded(delimiter, urlEncoded));
        }
        document.element("IsTruncated", page.truncated());
        if (page.truncated()) {
            if (v2) {
                document.element("NextContinuationToken", encodeContinuation(page.lastEntry()));
            } else if (!delimiter.isEmpty()) {
                document.element("NextMarker", encoded(page.lastEntry(), urlEncoded));
            }
        }
        if (urlEncoded) {
            document.element("EncodingType", "url");
        }
        // ListObjects names every object's owner; ListObjectsV2 only when asked with fetch-owner=true
        boolean fetchOwner = !v2 || target.parameter("fetch-owner").filter("true"::equals).isPresent();
        for (S3Service.ListedObject listed : page.contents()) {
            ObjectVersion version = listed.version();
            document.start("Contents")
                    .element("Key", encoded(version.key(), urlEncoded))
                    .element("LastModified", S3Responses.timestamp(version.lastModified()))
                    .element("ETag", quoted(version.etag()));
            version.checksum().ifPresent(checksum -> document.element("ChecksumAlgorithm", checksum.algorithm()));
            document.element("Size", version.size())
                    .element("StorageClass", version.storageClass());
            if (fetchOwner) {
                document.start("Owner").element("ID", listed.owner()).end();
            }
            document.end();
        }
        for (String common : page.commonPrefixes()) {
            document.start("CommonPrefixes").element("Prefix", encoded(common, urlEncoded)).end();
        }
        return S3Responses.xml(document);
    }

    // ---- request members

    static long contentLength(ApiRequest request) {
        Optional<String> declared = request.header("x-amz-decoded-content-length").or(() -> request.header("Content-Length"));
        if (declared.isEmpty()) {
            return -1;
        }
        try {
            long length = Long.parseLong(declared.get().strip());
            if (length < 0) {
                throw new NumberFormatException();
            }
            return length;
        } catch (NumberFormatException e) {
            throw new AwsException("InvalidArgument", 400, "The Content-Length you provided is not valid.");
        }
    }

    static Map<String, String> storedHeaders(ApiRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : STORED_HEADERS) {
            request.header(name).ifPresent(value -> headers.put(name, value));
        }
        // aws-chunked describes how this request's body was sent, not the object
        String encoding = headers.get("Content-Encoding");
        if (encoding != null) {
            String kept = String.join(",", java.util.Arrays.stream(encoding.split(","))
                    .map(String::strip).filter(part -> !part.equalsIgnoreCase("aws-chunked") && !part.isEmpty())
                    .toList());
            if (kept.isEmpty()) {
                headers.remove("Content-Encoding");
            } else {
                headers.put("Content-Encoding", kept);
            }
        }
        return headers;
    }

    static Map<String, String> userMetadata(ApiRequest request) {
        Map<String, String> metadata = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(USER_METADATA_PREFIX) && lower.length() > USER_METADATA_PREFIX.length()) {
                metadata.put(lower.substring(USER_METADATA_PREFIX.length()), String.join(",", values));
            }
        });
        int size = metadata.entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length()).sum();
        if (size > 2048) {
            throw new AwsException("MetadataTooLarge", 400,
                    "Your metadata headers exceed the maximum allowed metadata size.");
        }
        return metadata;
    }

    static Optional<ChecksumAlgorithm> checksumAlgorithm(ApiRequest request) {
        Optional<String> named = request.header("x-amz-sdk-checksum-algorithm")
                .or(() -> request.header("x-amz-checksum-algorithm"));
        if (named.isPresent()) {
            return Optional.of(ChecksumAlgorithm.fromS3Name(named.get().strip()).orElseThrow(() -> new AwsException(
                    "InvalidRequest", 400, "Value for x-amz-sdk-checksum-algorithm header is invalid.")));
        }
        for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
            if (request.header(algorithm.headerName()).isPresent()) {
                return Optional.of(algorithm);
            }
        }
        Optional<String> trailer = request.header("x-amz-trailer").map(t -> t.strip().toLowerCase(Locale.ROOT));
        if (trailer.isPresent()) {
            for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
                if (trailer.get().equals(algorithm.headerName())) {
                    return Optional.of(algorithm);
                }
            }
        }
        return Optional.empty();
    }

    static Map<String, String> tags(ApiRequest request) {
        Optional<String> tagging = request.header("x-amz-tagging");
        if (tagging.isEmpty() || tagging.get().isEmpty()) {
            return Map.of();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : FormDecoder.decodeQueryString(tagging.get())) {
            if (tags.put(pair.getKey(), pair.getValue()) != null) {
                throw new AwsException("InvalidTag", 400, "Cannot provide multiple Tags with the same key");
            }
            if (pair.getKey().isEmpty() || pair.getKey().length() > 128 || pair.getValue().length() > 256) {
                throw new AwsException("InvalidTag", 400, "The TagKey or TagValue you have provided is invalid");
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw new AwsException("BadRequest", 400, "Object tags cannot be greater than 10");
        }
        return tags;
    }

    static Optional<ObjectEncryption.Mode> encryption(ApiRequest request) {
        Optional<String> named = request.header("x-amz-server-side-encryption").map(String::strip);
        if (named.isEmpty()) {
            if (request.header("x-amz-server-side-encryption-aws-kms-key-id").isPresent()) {
                throw new AwsException("InvalidArgument", 400, "Server Side Encryption with AWS KMS managed key"
                        + " requires HTTP header x-amz-server-side-encryption : aws:kms");
            }
            return Optional.empty();
        }
        return switch (named.get()) {
            case "AES256" -> Optional.of(ObjectEncryption.Mode.SSE_S3);
            case "aws:kms" -> Optional.of(ObjectEncryption.Mode.SSE_KMS);
            default -> throw new AwsException("InvalidArgument", 400,
                    "The encryption method specified is not supported");
        };
    }

    /** {@code x-amz-server-side-encryption-bucket-key-enabled}: true or false; empty for the bucket's setting. */
    static Optional<Boolean> bucketKeyEnabled(ApiRequest request) {
        return request.header("x-amz-server-side-encryption-bucket-key-enabled").map(String::strip).map(value -> {
            if (value.equalsIgnoreCase("true")) {
                return true;
            }
            if (value.equalsIgnoreCase("false")) {
                return false;
            }
            throw new AwsException("InvalidArgument", 400,
                    "The header 'x-amz-server-side-encryption-bucket-key-enabled' shall be either true or false");
        });
    }

    /** One byte range; anything else (several ranges, other units, bad syntax) is ignored, as S3 does. */
    static Optional<ByteRange> range(String header) {
        Matcher matcher = SINGLE_RANGE.matcher(header.strip());
        if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            return Optional.empty();
        }
        try {
            if (matcher.group(1).isEmpty()) {
                return Optional.of(new ByteRange(-1, -1, Long.parseLong(matcher.group(2))));
            }
            long first = Long.parseLong(matcher.group(1));
            long last = matcher.group(2).isEmpty() ? -1 : Long.parseLong(matcher.group(2));
            return last >= 0 && last < first ? Optional.empty() : Optional.of(new ByteRange(first, last, 0));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static int maxKeys(S3Target target) {
        Optional<String> value = target.parameter("max-keys");
        if (value.isEmpty()) {
            return S3Service.MAX_KEYS;
        }
        try {
            int maxKeys = Integer.parseInt(value.get());
            if (maxKeys < 0) {
                throw new NumberFormatException();
            }
            return Math.min(maxKeys, S3Service.MAX_KEYS);
        } catch (NumberFormatException e) {
            throw new AwsException("InvalidArgument", 400, "Provided max-keys not an integer or within integer range");
        }
    }

    // ---- answers

    /** 304 or 412 when the request's conditions say so, as RFC 9110 orders them; empty to go on. */
    private static Optional<ApiResponse> preconditions(ApiRequest request, ObjectVersion version) {
        String etag = quoted(version.etag());
        Instant modified = version.lastModified();
        Optional<String> ifMatch = request.header("If-Match");
        Optional<String> ifNoneMatch = request.header("If-None-Match");
        if (ifMatch.isPresent() && !etagMatches(ifMatch.get(), etag)) {
            throw preconditionFailed("If-Match");
        }
        if (ifMatch.isEmpty() && request.header("If-Unmodified-Since").flatMap(ObjectActions::httpDate)
                .filter(since -> modified.getEpochSecond() > since.getEpochSecond()).isPresent()) {
            throw preconditionFailed("If-Unmodified-Since");
        }
        boolean notModified = ifNoneMatch.isPresent() ? etagMatches(ifNoneMatch.get(), etag)
                : request.header("If-Modified-Since").flatMap(ObjectActions::httpDate)
                        .filter(since -> modified.getEpochSecond() <= since.getEpochSecond()).isPresent();
        if (notModified) {
            return Optional.of(S3Responses.empty(304, Map.of("ETag", etag,
                    "Last-Modified", S3Responses.httpDate(modified))));
        }
        return Optional.empty();
    }

    private static boolean etagMatches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String value = candidate.strip();
            if (value.equals("*") || value.equals(etag) || quoted(value).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static AwsException preconditionFailed(String condition) {
        return new AwsException("PreconditionFailed", 412, "At least one of the pre-conditions you specified did not hold");
    }

    static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> objectHeaders(ObjectVersion version, ApiRequest request, S3Target target,
                                                     boolean wholeObject) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", version.headers().getOrDefault("Content-Type", DEFAULT_CONTENT_TYPE));
        version.headers().forEach((name, value) -> {
            if (!name.equals("Content-Type")) {
                headers.put(name, value);
            }
        });
        headers.put("ETag", quoted(version.etag()));
        headers.put("Last-Modified", S3Responses.httpDate(version.lastModified()));
        headers.put("Accept-Ranges", "bytes");
        versionHeader(version, headers);
        encryptionHeaders(version.encryption(), headers);
        if (!version.storageClass().equals(StorageClasses.STANDARD)) {
            headers.put("x-amz-storage-class", version.storageClass()); // S3 names every class but STANDARD
        }
        version.userMetadata().forEach((name, value) -> headers.put(USER_METADATA_PREFIX + name, value));
        if (!version.tags().isEmpty()) {
            headers.put("x-amz-tagging-count", Integer.toString(version.tags().size()));
        }
        if (wholeObject && request.header("x-amz-checksum-mode").filter(mode -> mode.equalsIgnoreCase("ENABLED")).isPresent()) {
            version.checksum().ifPresent(checksum -> ChecksumAlgorithm.fromS3Name(checksum.algorithm())
                    .ifPresent(a -> {
                        headers.put(a.headerName(), checksum.value());
                        headers.put("x-amz-checksum-type", checksum.type());
                    }));
        }
        overrides(target, headers);
        return headers;
    }

    /** {@code response-content-type} and the like replace the stored headers in this answer. */
    private static void overrides(S3Target target, Map<String, String> headers) {
        Map<String, String> names = Map.of("response-content-type", "Content-Type",
                "response-content-language", "Content-Language", "response-expires", "Expires",
                "response-cache-control", "Cache-Control", "response-content-disposition", "Content-Disposition",
                "response-content-encoding", "Content-Encoding");
        names.forEach((parameter, header) -> target.parameter(parameter).ifPresent(value -> headers.put(header, value)));
    }

    /**
     * {@code x-amz-restore} of an archived version: {@code ongoing-request="true"} while its restore is in
     * progress, then {@code ongoing-request="false"} with the copy's expiry.
     */
    private void restoreHeader(ObjectVersion version, Map<String, String> headers) {
        service.restoreOf(version).ifPresent(restore -> headers.put("x-amz-restore", restore.ongoing()
                ? "ongoing-request=\"true\""
                : "ongoing-request=\"false\", expiry-date=\"" + S3Responses.httpDate(restore.expiry().orElseThrow())
                        + "\""));
    }

    /** A read of the null version of a versioned (or suspended) bucket names it, as S3 does. */
    private static void nullVersionHeader(ObjectRead read, Map<String, String> headers) {
        if (read.version().versionId().equals(ObjectVersion.NULL_VERSION)
                && read.bucket().versioning() != io.strongroom.s3.Bucket.Versioning.UNVERSIONED) {
            headers.put("x-amz-version-id", ObjectVersion.NULL_VERSION);
        }
    }

    static void versionHeader(ObjectVersion version, Map<String, String> headers) {
        if (!version.versionId().equals(ObjectVersion.NULL_VERSION)) {
            headers.put("x-amz-version-id", version.versionId());
        }
    }

    static void encryptionHeaders(ObjectEncryption encryption, Map<String, String> headers) {
        if (encryption == null) {
            return;
        }
        switch (encryption.mode()) {
            case SSE_S3 -> headers.put("x-amz-server-side-encryption", "AES256");
            case SSE_KMS -> {
                headers.put("x-amz-server-side-encryption", "aws:kms");
                headers.put("x-amz-server-side-encryption-aws-kms-key-id", encryption.kmsKeyArn());
                if (encryption.bucketKeyEnabled()) {
                    headers.put("x-amz-server-side-encryption-bucket-key-enabled", "true");
                }
            }
            case SSE_C -> {
                headers.put("x-amz-server-side-encryption-customer-algorithm", "AES256");
                headers.put("x-amz-server-side-encryption-customer-key-MD5", encryption.customerKeyMd5());
            }
        }
    }

    static String quoted(String etag) {
        return etag.startsWith("\"") ? etag : "\"" + etag + "\"";
    }

    static String encoded(String value, boolean urlEncoded) {
        return urlEncoded ? URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20") : value;
    }

    private static String encodeContinuation(String lastEntry) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastEntry.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeContinuation(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AwsException("InvalidArgument", 400, "The continuation token provided is incorrect");
        }
    }
}
