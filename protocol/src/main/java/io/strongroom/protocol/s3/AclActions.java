package io.strongroom.protocol.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.query.XmlWriter;
import io.strongroom.s3.AccessControlList;
import io.strongroom.s3.AclGrant;
import io.strongroom.s3.CannedAcl;
import io.strongroom.s3.ObjectOwnership;
import io.strongroom.s3.RequestedAcl;
import io.strongroom.s3.S3Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Object Ownership and ACLs: Put/Get/DeleteBucketOwnershipControls, Get/PutBucketAcl, Get/PutObjectAcl;
 * and the {@code x-amz-acl} and {@code x-amz-grant-*} headers other writes may carry.
 */
final class AclActions {
    static final String GET_BUCKET_ACL = "GetBucketAcl";
    static final String PUT_BUCKET_ACL = "PutBucketAcl";
    static final String GET_OBJECT_ACL = "GetObjectAcl";
    static final String PUT_OBJECT_ACL = "PutObjectAcl";
    static final String GET_OWNERSHIP_CONTROLS = "GetBucketOwnershipControls";
    static final String PUT_OWNERSHIP_CONTROLS = "PutBucketOwnershipControls";
    static final String DELETE_OWNERSHIP_CONTROLS = "DeleteBucketOwnershipControls";
    static final List<String> OPERATIONS = List.of(GET_BUCKET_ACL, PUT_BUCKET_ACL, GET_OBJECT_ACL, PUT_OBJECT_ACL,
            GET_OWNERSHIP_CONTROLS, PUT_OWNERSHIP_CONTROLS, DELETE_OWNERSHIP_CONTROLS);
    static final List<String> READ_ONLY = List.of(GET_BUCKET_ACL, GET_OBJECT_ACL, GET_OWNERSHIP_CONTROLS);

    private static final String GRANT_HEADER_PREFIX = "x-amz-grant-";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final S3Service service;

    AclActions(S3Service service) {
        this.service = requireNonNull(service, "service");
    }

    /** The operation of a bucket request with these subresources, or null when it is none of these. */
    static String bucketOperation(String method, List<String> subresources) {
        if (subresources.equals(List.of("acl"))) {
            return switch (method) {
                case "GET" -> GET_BUCKET_ACL;
                case "PUT" -> PUT_BUCKET_ACL;
                default -> null;
            };
        }
        if (subresources.equals(List.of("ownershipControls"))) {
            return switch (method) {
                case "GET" -> GET_OWNERSHIP_CONTROLS;
                case "PUT" -> PUT_OWNERSHIP_CONTROLS;
                case "DELETE" -> DELETE_OWNERSHIP_CONTROLS;
                default -> null;
            };
        }
        return null;
    }

    /** The operation of an object request with these subresources, or null when it is none of these. */
    static String objectOperation(String method, List<String> subresources) {
        if (!subresources.equals(List.of("acl"))) {
            return null;
        }
        return switch (method) {
            case "GET" -> GET_OBJECT_ACL;
            case "PUT" -> PUT_OBJECT_ACL;
            default -> null;
        };
    }

    ApiResponse handle(String operation, CallContext call, S3Target target, ApiRequest request) {
        String bucket = target.bucket().orElseThrow();
        Optional<String> versionId = Optional.ofNullable(target.query().get("versionId"));
        return switch (operation) {
            case GET_OWNERSHIP_CONTROLS -> S3Responses.xml(S3Responses.document("OwnershipControls")
                    .start("Rule").element("ObjectOwnership", service.ownershipControls(call, bucket).awsName()));
            case PUT_OWNERSHIP_CONTROLS -> {
                service.putOwnershipControls(call, bucket, ownershipControls(request));
                yield S3Responses.empty(200, Map.of());
            }
            case DELETE_OWNERSHIP_CONTROLS -> {
                service.deleteOwnershipControls(call, bucket);
                yield S3Responses.empty(204, Map.of());
            }
            case GET_BUCKET_ACL -> S3Responses.xml(document(service.bucketAcl(call, bucket)));
            case PUT_BUCKET_ACL -> {
                service.putBucketAcl(call, bucket, aclOfPutAcl(request));
                yield S3Responses.empty(200, Map.of());
            }
            case GET_OBJECT_ACL -> S3Responses.xml(document(
                    service.objectAcl(call, bucket, target.key().orElseThrow(), versionId)));
            case PUT_OBJECT_ACL -> {
                service.putObjectAcl(call, bucket, target.key().orElseThrow(), versionId, aclOfPutAcl(request));
                yield S3Responses.empty(200, Map.of());
            }
            default -> throw new IllegalArgumentException("not an ACL operation: " + operation);
        };
    }

    /**
     * The ACL a write's headers ask for: {@code x-amz-acl} must name a canned ACL; any
     * {@code x-amz-grant-*} header counts as explicit grants.
     */
    static RequestedAcl requested(ApiRequest request) {
        Optional<CannedAcl> canned = request.header("x-amz-acl").map(String::strip)
                .map(name -> CannedAcl.of(name).orElseThrow(() -> new AwsException("InvalidArgument", 400,
                        "The canned ACL " + name + " is not valid.")));
        boolean grants = request.headers().keySet().stream()
                .anyMatch(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith(GRANT_HEADER_PREFIX));
        return new RequestedAcl(canned, grants);
    }

    /** A PutBucketAcl or PutObjectAcl: the headers, or an AccessControlPolicy body (explicit grants). */
    private static RequestedAcl aclOfPutAcl(ApiRequest request) {
        RequestedAcl fromHeaders = requested(request);
        boolean body = S3XmlInput.bounded(request).length > 0;
        if (body && fromHeaders.canned().isPresent()) {
            throw new AwsException("UnexpectedContent", 400, "This request does not support content");
        }
        if (!body && fromHeaders.isEmpty()) {
            throw new AwsException("MissingSecurityHeader", 400, "Your request was missing a required header");
        }
        return body ? new RequestedAcl(Optional.empty(), true) : fromHeaders;
    }

    private static ObjectOwnership ownershipControls(ApiRequest request) {
        S3XmlInput controls = S3XmlInput.read(request, "OwnershipControls").orElseThrow(S3XmlInput::malformed);
        List<S3XmlInput> rules = controls.children("Rule");
        if (rules.size() != 1) {
            throw S3XmlInput.malformed();
        }
        String value = rules.getFirst().text("ObjectOwnership").orElseThrow(S3XmlInput::malformed);
        return ObjectOwnership.of(value).orElseThrow(S3XmlInput::malformed);
    }

    private static XmlWriter document(AccessControlList acl) {
        XmlWriter document = S3Responses.document("AccessControlPolicy")
                .start("Owner").element("ID", acl.ownerAccountId()).end()
                .start("AccessControlList");
        for (AclGrant grant : acl.grants()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("xmlns:xsi", XSI);
            attributes.put("xsi:type", grant.canonicalUserId() != null ? "CanonicalUser" : "Group");
            document.start("Grant").start("Grantee", attributes);
            if (grant.canonicalUserId() != null) {
                document.element("ID", grant.canonicalUserId());
            } else {
                document.element("URI", grant.groupUri());
            }
            document.end().element("Permission", grant.permission()).end();
        }
        return document.end();
    }
}
