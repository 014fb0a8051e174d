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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    /** The grant headers and the permission each gives, in the order GetBucketAcl then lists them. */
    private static final Map<String, String> GRANT_HEADERS = grantHeaders();
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final S3Service service;

    private static Map<String, String> grantHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amz-grant-full-control", "FULL_CONTROL");
        headers.put("x-amz-grant-write", "WRITE");
        headers.put("x-amz-grant-write-acp", "WRITE_ACP");
        headers.put("x-amz-grant-read", "READ");
        headers.put("x-amz-grant-read-acp", "READ_ACP");
        return Collections.unmodifiableMap(headers);
    }

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
     * The ACL a write's headers ask for: {@code x-amz-acl} must name a canned ACL, and the five
     * {@code x-amz-grant-*} headers each list grantees ({@code id="…"}, {@code uri="…"}) to give their
     * permission to. Both at once is InvalidRequest, as in S3.
     */
    static RequestedAcl requested(ApiRequest request) {
        Optional<CannedAcl> canned = request.header("x-amz-acl").map(String::strip)
                .map(name -> CannedAcl.of(name).orElseThrow(() -> new AwsException("InvalidArgument", 400,
                        "The canned ACL " + name + " is not valid.")));
        List<AclGrant> grants = new ArrayList<>();
        boolean anyGrantHeader = false;
        for (Map.Entry<String, String> header : GRANT_HEADERS.entrySet()) {
            Optional<String> value = request.header(header.getKey());
            if (value.isPresent()) {
                anyGrantHeader = true;
                grants.addAll(grantees(value.get(), header.getValue()));
            }
        }
        if (canned.isPresent() && anyGrantHeader) {
            throw new AwsException("InvalidRequest", 400, "Specifying both Canned ACLs and Header Grants is not allowed");
        }
        return new RequestedAcl(canned, anyGrantHeader ? Optional.of(grants) : Optional.empty());
    }

    /**
     * One {@code x-amz-grant-*} header's grantees: {@code type=value} pairs separated by commas, the value
     * quoted or not, the type {@code id} or {@code uri}. S3 resolves {@code emailAddress} in a few regions
     * only; Strongroom has no e-mail addresses to resolve, so it answers as S3 does for one it cannot.
     */
    static List<AclGrant> grantees(String value, String permission) {
        List<AclGrant> grants = new ArrayList<>();
        for (String item : splitOutsideQuotes(value)) {
            String pair = item.strip();
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw badGrantHeader();
            }
            String type = pair.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String grantee = pair.substring(equals + 1).strip();
            if (grantee.length() >= 2 && grantee.startsWith("\"") && grantee.endsWith("\"")) {
                grantee = grantee.substring(1, grantee.length() - 1).strip();
            }
            if (grantee.isEmpty() || grantee.contains("\"")) {
                throw badGrantHeader();
            }
            switch (type) {
                case "id" -> grants.add(AclGrant.toAccount(grantee, permission));
                case "uri" -> grants.add(AclGrant.toGroup(grantee, permission));
                case "emailaddress" -> throw unresolvableEmail();
                default -> throw badGrantHeader();
            }
        }
        return grants;
    }

    private static List<String> splitOutsideQuotes(String value) {
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        boolean quoted = false;
        for (char c : value.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                items.add(item.toString());
                item.setLength(0);
            } else {
                item.append(c);
            }
        }
        items.add(item.toString());
        return items;
    }

    /** A PutBucketAcl or PutObjectAcl: the headers, or an AccessControlPolicy body, never both. */
    private static RequestedAcl aclOfPutAcl(ApiRequest request) {
        RequestedAcl fromHeaders = requested(request);
        byte[] body = S3XmlInput.bounded(request);
        if (body.length > 0 && !fromHeaders.isEmpty()) {
            throw new AwsException("UnexpectedContent", 400, "This request does not support content");
        }
        if (body.length == 0 && fromHeaders.isEmpty()) {
            throw new AwsException("MissingSecurityHeader", 400, "Your request was missing a required header");
        }
        return body.length > 0 ? accessControlPolicy(body) : fromHeaders;
    }

    /**
     * The grants of an AccessControlPolicy body. S3 answers MalformedACLError for a document it cannot
     * read as one: not XML, no Owner, a grantee without its type's member, an unknown permission.
     */
    private static RequestedAcl accessControlPolicy(byte[] body) {
        S3XmlInput policy;
        try {
            policy = S3XmlInput.parse(body, "AccessControlPolicy").orElseThrow(AclActions::malformedAcl);
        } catch (AwsException e) {
            throw malformedAcl();
        }
        String owner = policy.child("Owner").flatMap(o -> o.text("ID")).filter(id -> !id.isEmpty())
                .orElseThrow(AclActions::malformedAcl);
        List<AclGrant> grants = new ArrayList<>();
        for (S3XmlInput list : policy.children("AccessControlList")) {
            for (S3XmlInput grant : list.children("Grant")) {
                S3XmlInput grantee = grant.child("Grantee").orElseThrow(AclActions::malformedAcl);
                String permission = grant.text("Permission").filter(AclGrant.PERMISSIONS::contains)
                        .orElseThrow(AclActions::malformedAcl);
                String type = grantee.attribute(XSI, "type").orElseThrow(AclActions::malformedAcl);
                switch (type) {
                    case "CanonicalUser" -> grants.add(AclGrant.toAccount(
                            grantee.text("ID").filter(id -> !id.isEmpty()).orElseThrow(AclActions::malformedAcl),
                            permission));
                    case "Group" -> grants.add(AclGrant.toGroup(
                            grantee.text("URI").filter(uri -> !uri.isEmpty()).orElseThrow(AclActions::malformedAcl),
                            permission));
                    case "AmazonCustomerByEmail" -> throw unresolvableEmail();
                    default -> throw malformedAcl();
                }
            }
        }
        return RequestedAcl.policy(grants, owner);
    }

    private static AwsException badGrantHeader() {
        return new AwsException("InvalidArgument", 400, "Argument format not recognized");
    }

    private static AwsException unresolvableEmail() {
        return new AwsException("UnresolvableGrantByEmailAddress", 400,
                "The e-mail address you provided does not match any account on record.");
    }

    private static AwsException malformedAcl() {
        return new AwsException("MalformedACLError", 400,
                "The XML you provided was not well-formed or did not validate against our published schema");
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
