package io.strongroom.protocol.s3;

import java.util.List;
import java.util.Set;

/** Which S3 operation a request is, from its method, what it addresses and its subresource parameters. */
final class S3Operations {
    /** Query parameters that select a bucket or object subresource, i.e. another operation. */
    static final Set<String> SUBRESOURCES = Set.of("acl", "accelerate", "analytics", "cors", "encryption",
            "intelligent-tiering", "inventory", "lifecycle", "location", "logging", "metrics", "notification",
            "object-lock", "ownershipControls", "policy", "policyStatus", "publicAccessBlock", "replication",
            "requestPayment", "tagging", "versioning", "versions", "website", "uploads", "uploadId", "delete",
            "restore", "retention", "legal-hold", "attributes", "select", "torrent", "partNumber", "session");

    static final String LIST_BUCKETS = "ListBuckets";
    static final String CREATE_BUCKET = "CreateBucket";
    static final String HEAD_BUCKET = "HeadBucket";
    static final String DELETE_BUCKET = "DeleteBucket";
    static final String GET_BUCKET_LOCATION = "GetBucketLocation";
    static final String LIST_OBJECTS = "ListObjects";
    static final String LIST_OBJECTS_V2 = "ListObjectsV2";
    static final String PUT_OBJECT = "PutObject";
    static final String GET_OBJECT = "GetObject";
    static final String HEAD_OBJECT = "HeadObject";
    static final String DELETE_OBJECT = "DeleteObject";
    static final String COPY_OBJECT = "CopyObject";
    static final String PUT_BUCKET_VERSIONING = "PutBucketVersioning";
    static final String GET_BUCKET_VERSIONING = "GetBucketVersioning";
    static final String LIST_OBJECT_VERSIONS = "ListObjectVersions";
    static final String DELETE_OBJECTS = "DeleteObjects";
    static final String PUT_OBJECT_TAGGING = "PutObjectTagging";
    static final String GET_OBJECT_TAGGING = "GetObjectTagging";
    static final String DELETE_OBJECT_TAGGING = "DeleteObjectTagging";
    static final String PUT_BUCKET_TAGGING = "PutBucketTagging";
    static final String GET_BUCKET_TAGGING = "GetBucketTagging";
    static final String DELETE_BUCKET_TAGGING = "DeleteBucketTagging";
    static final String PUT_BUCKET_ENCRYPTION = "PutBucketEncryption";
    static final String GET_BUCKET_ENCRYPTION = "GetBucketEncryption";
    static final String DELETE_BUCKET_ENCRYPTION = "DeleteBucketEncryption";
    static final String PUT_BUCKET_LIFECYCLE = "PutBucketLifecycleConfiguration";
    static final String GET_BUCKET_LIFECYCLE = "GetBucketLifecycleConfiguration";
    static final String DELETE_BUCKET_LIFECYCLE = "DeleteBucketLifecycle";
    static final String CREATE_MULTIPART_UPLOAD = "CreateMultipartUpload";
    static final String UPLOAD_PART = "UploadPart";
    static final String UPLOAD_PART_COPY = "UploadPartCopy";
    static final String COMPLETE_MULTIPART_UPLOAD = "CompleteMultipartUpload";
    static final String ABORT_MULTIPART_UPLOAD = "AbortMultipartUpload";
    static final String LIST_PARTS = "ListParts";
    static final String LIST_MULTIPART_UPLOADS = "ListMultipartUploads";
    static final String PUT_OBJECT_LOCK_CONFIGURATION = "PutObjectLockConfiguration";
    static final String GET_OBJECT_LOCK_CONFIGURATION = "GetObjectLockConfiguration";
    static final String PUT_OBJECT_RETENTION = "PutObjectRetention";
    static final String GET_OBJECT_RETENTION = "GetObjectRetention";
    static final String PUT_OBJECT_LEGAL_HOLD = "PutObjectLegalHold";
    static final String GET_OBJECT_LEGAL_HOLD = "GetObjectLegalHold";
    /** Operations of S3 this server does not offer yet answer NotImplemented under this name. */
    static final String UNSUPPORTED = "Unsupported";

    /**
     * Operations whose records are data events (object reads and writes; CloudTrail counts an object's
     * retention and legal hold among them, and a bucket's Object Lock configuration as management).
     */
    static final Set<String> DATA_EVENTS = Set.of(PUT_OBJECT, GET_OBJECT, HEAD_OBJECT, DELETE_OBJECT, COPY_OBJECT,
            LIST_OBJECTS, LIST_OBJECTS_V2, LIST_OBJECT_VERSIONS, DELETE_OBJECTS, PUT_OBJECT_TAGGING,
            GET_OBJECT_TAGGING, DELETE_OBJECT_TAGGING, AclActions.GET_OBJECT_ACL, AclActions.PUT_OBJECT_ACL,
            CREATE_MULTIPART_UPLOAD, UPLOAD_PART, UPLOAD_PART_COPY, COMPLETE_MULTIPART_UPLOAD, ABORT_MULTIPART_UPLOAD,
            LIST_PARTS, LIST_MULTIPART_UPLOADS, PUT_OBJECT_RETENTION, GET_OBJECT_RETENTION, PUT_OBJECT_LEGAL_HOLD,
            GET_OBJECT_LEGAL_HOLD);

    private S3Operations() {
    }

    static String of(String method, S3Target target, boolean copySource) {
        List<String> subresources = S3Target.subresources(target.query());
        if (target.bucket().isEmpty()) {
            return method.equals("GET") && subresources.isEmpty() ? LIST_BUCKETS : UNSUPPORTED;
        }
        if (target.key().isEmpty()) {
            if (subresources.isEmpty()) {
                return switch (method) {
                    case "PUT" -> CREATE_BUCKET;
                    case "HEAD" -> HEAD_BUCKET;
                    case "DELETE" -> DELETE_BUCKET;
                    case "GET" -> "2".equals(target.query().get("list-type")) ? LIST_OBJECTS_V2 : LIST_OBJECTS;
                    default -> UNSUPPORTED;
                };
            }
            String accessControl = PolicyActions.bucketOperation(method, subresources);
            if (accessControl != null) {
                return accessControl;
            }
            String acl = AclActions.bucketOperation(method, subresources);
            if (acl != null) {
                return acl;
            }
            if (subresources.size() == 1) {
                String bucketOperation = bucketSubresource(method, subresources.getFirst());
                if (bucketOperation != null) {
                    return bucketOperation;
                }
            }
            if (method.equals("GET") && subresources.equals(List.of("uploads"))) {
                return LIST_MULTIPART_UPLOADS;
            }
            return method.equals("GET") && subresources.equals(List.of("location")) ? GET_BUCKET_LOCATION : UNSUPPORTED;
        }
        String multipart = multipartOperation(method, Set.copyOf(subresources), copySource);
        if (multipart != null) {
            return multipart;
        }
        String acl = AclActions.objectOperation(method, subresources);
        if (acl != null) {
            return acl;
        }
        if (subresources.equals(List.of("tagging"))) {
            return switch (method) {
                case "PUT" -> PUT_OBJECT_TAGGING;
                case "GET" -> GET_OBJECT_TAGGING;
                case "DELETE" -> DELETE_OBJECT_TAGGING;
                default -> UNSUPPORTED;
            };
        }
        if (subresources.equals(List.of("retention")) || subresources.equals(List.of("legal-hold"))) {
            boolean retention = subresources.getFirst().equals("retention");
            return switch (method) {
                case "PUT" -> retention ? PUT_OBJECT_RETENTION : PUT_OBJECT_LEGAL_HOLD;
                case "GET" -> retention ? GET_OBJECT_RETENTION : GET_OBJECT_LEGAL_HOLD;
                default -> UNSUPPORTED;
            };
        }
        if (!subresources.isEmpty()) {
            return UNSUPPORTED;
        }
        return switch (method) {
            case "PUT" -> copySource ? COPY_OBJECT : PUT_OBJECT;
            case "GET" -> GET_OBJECT;
            case "HEAD" -> HEAD_OBJECT;
            case "DELETE" -> DELETE_OBJECT;
            default -> UNSUPPORTED;
        };
    }

    /** The bucket operation of one subresource and method; null for one not offered here. */
    private static String bucketSubresource(String method, String subresource) {
        return switch (subresource + " " + method) {
            case "versioning PUT" -> PUT_BUCKET_VERSIONING;
            case "versioning GET" -> GET_BUCKET_VERSIONING;
            case "versions GET" -> LIST_OBJECT_VERSIONS;
            case "delete POST" -> DELETE_OBJECTS;
            case "tagging PUT" -> PUT_BUCKET_TAGGING;
            case "tagging GET" -> GET_BUCKET_TAGGING;
            case "tagging DELETE" -> DELETE_BUCKET_TAGGING;
            case "encryption PUT" -> PUT_BUCKET_ENCRYPTION;
            case "encryption GET" -> GET_BUCKET_ENCRYPTION;
            case "encryption DELETE" -> DELETE_BUCKET_ENCRYPTION;
            case "lifecycle PUT" -> PUT_BUCKET_LIFECYCLE;
            case "lifecycle GET" -> GET_BUCKET_LIFECYCLE;
            case "lifecycle DELETE" -> DELETE_BUCKET_LIFECYCLE;
            case "object-lock PUT" -> PUT_OBJECT_LOCK_CONFIGURATION;
            case "object-lock GET" -> GET_OBJECT_LOCK_CONFIGURATION;
            default -> null;
        };
    }

    /** The multipart operation (or GET/HEAD of a part) these subresources select, else null. */
    private static String multipartOperation(String method, Set<String> subresources, boolean copySource) {
        if (subresources.equals(Set.of("uploads"))) {
            return method.equals("POST") ? CREATE_MULTIPART_UPLOAD : null;
        }
        if (subresources.equals(Set.of("uploadId", "partNumber"))) {
            return method.equals("PUT") ? (copySource ? UPLOAD_PART_COPY : UPLOAD_PART) : null;
        }
        if (subresources.equals(Set.of("uploadId"))) {
            return switch (method) {
                case "POST" -> COMPLETE_MULTIPART_UPLOAD;
                case "DELETE" -> ABORT_MULTIPART_UPLOAD;
                case "GET" -> LIST_PARTS;
                default -> null;
            };
        }
        if (subresources.equals(Set.of("partNumber"))) {
            return switch (method) {
                case "GET" -> GET_OBJECT;
                case "HEAD" -> HEAD_OBJECT;
                default -> null;
            };
        }
        return null;
    }
}
