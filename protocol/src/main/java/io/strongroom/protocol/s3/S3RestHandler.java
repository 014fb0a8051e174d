package io.strongroom.protocol.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.AuditResource;
import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.ServiceHandler;
import io.strongroom.s3.S3Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Amazon S3 over REST and XML: path-style and virtual-hosted-style addressing, bodies streamed in
 * and out. Bucket operations go to {@link BucketActions}, object operations to {@link ObjectActions};
 * what this server does not offer yet is answered NotImplemented.
 */
public final class S3RestHandler implements ServiceHandler {
    public static final String SIGNING_NAME = "s3";

    private final Optional<String> virtualHostDomain;
    private final BucketActions buckets;
    private final ObjectActions objects;
    private final PolicyActions policies;
    private final VersioningActions versioning;
    private final MultiDeleteActions multiDelete;
    private final CopyActions copies;
    private final TaggingActions tagging;
    private final EncryptionConfigActions encryption;
    private final LifecycleActions lifecycle;
    private final RestoreActions restores;
    private final MultipartActions multipart;
    private final AclActions acls;
    private final ObjectLockActions objectLock;

    /**
     * @param virtualHostDomain the base domain under which {@code <bucket>.<domain>} addresses a bucket;
     *                          empty for path-style addressing only
     */
    public S3RestHandler(S3Service service, Optional<String> virtualHostDomain) {
        requireNonNull(service, "service");
        this.virtualHostDomain = requireNonNull(virtualHostDomain, "virtualHostDomain");
        this.buckets = new BucketActions(service);
        this.objectLock = new ObjectLockActions(service);
        this.objects = new ObjectActions(service, objectLock);
        this.policies = new PolicyActions(service);
        this.versioning = new VersioningActions(service);
        this.multiDelete = new MultiDeleteActions(service);
        this.copies = new CopyActions(service);
        this.tagging = new TaggingActions(service);
        this.encryption = new EncryptionConfigActions(service);
        this.lifecycle = new LifecycleActions(service);
        this.restores = new RestoreActions(service);
        this.multipart = new MultipartActions(service);
        this.acls = new AclActions(service);
    }

    @Override
    public String signingName() {
        return SIGNING_NAME;
    }

    @Override
    public boolean streamsBody() {
        return true;
    }

    @Override
    public String operationName(ApiRequest request) {
        if (PolicyActions.isControl(request)) {
            return PolicyActions.controlOperation(request);
        }
        return S3Operations.of(request.method(), S3Target.of(request, virtualHostDomain),
                request.header("x-amz-copy-source").isPresent());
    }

    @Override
    public boolean readOnly(String operation) {
        if (AclActions.READ_ONLY.contains(operation)) {
            return true;
        }
        return switch (operation) {
            case S3Operations.LIST_BUCKETS, S3Operations.HEAD_BUCKET, S3Operations.GET_BUCKET_LOCATION,
                 S3Operations.LIST_OBJECTS, S3Operations.LIST_OBJECTS_V2, S3Operations.GET_OBJECT,
                 S3Operations.HEAD_OBJECT, S3Operations.GET_BUCKET_VERSIONING, S3Operations.LIST_OBJECT_VERSIONS,
                 S3Operations.GET_OBJECT_TAGGING, S3Operations.GET_BUCKET_TAGGING,
                 S3Operations.GET_BUCKET_ENCRYPTION, S3Operations.LIST_PARTS, S3Operations.LIST_MULTIPART_UPLOADS,
                 S3Operations.GET_BUCKET_LIFECYCLE, S3Operations.GET_OBJECT_LOCK_CONFIGURATION,
                 S3Operations.GET_OBJECT_RETENTION, S3Operations.GET_OBJECT_LEGAL_HOLD -> true;
            case PolicyActions.GET_BUCKET_POLICY, PolicyActions.GET_BUCKET_POLICY_STATUS,
                 PolicyActions.GET_PUBLIC_ACCESS_BLOCK, PolicyActions.GET_ACCOUNT_PUBLIC_ACCESS_BLOCK -> true;
            default -> false;
        };
    }

    @Override
    public boolean dataEvent(String operation) {
        return S3Operations.DATA_EVENTS.contains(operation);
    }

    @Override
    public ApiResponse handle(ApiRequest request, CallContext call) {
        CustomerKeyHeaders.requireSecureTransport(request);
        S3Target target = S3Target.of(request, virtualHostDomain);
        String operation = PolicyActions.isControl(request) ? PolicyActions.controlOperation(request)
                : S3Operations.of(request.method(), target, request.header("x-amz-copy-source").isPresent());
        if (AclActions.OPERATIONS.contains(operation)) {
            return acls.handle(operation, call, target, request);
        }
        return switch (operation) {
            case S3Operations.LIST_BUCKETS -> buckets.list(call);
            case S3Operations.CREATE_BUCKET -> buckets.create(call, target, request);
            case S3Operations.HEAD_BUCKET -> buckets.head(call, target);
            case S3Operations.DELETE_BUCKET -> buckets.delete(call, target);
            case S3Operations.GET_BUCKET_LOCATION -> buckets.location(call, target);
            case S3Operations.LIST_OBJECTS -> objects.list(call, target, false);
            case S3Operations.LIST_OBJECTS_V2 -> objects.list(call, target, true);
            case S3Operations.PUT_OBJECT -> objects.put(call, target, request);
            case S3Operations.GET_OBJECT -> objects.get(call, target, request);
            case S3Operations.HEAD_OBJECT -> objects.head(call, target, request);
            case S3Operations.DELETE_OBJECT -> objects.delete(call, target, request);
            case PolicyActions.PUT_BUCKET_POLICY, PolicyActions.GET_BUCKET_POLICY, PolicyActions.DELETE_BUCKET_POLICY,
                 PolicyActions.GET_BUCKET_POLICY_STATUS, PolicyActions.PUT_PUBLIC_ACCESS_BLOCK,
                 PolicyActions.GET_PUBLIC_ACCESS_BLOCK, PolicyActions.DELETE_PUBLIC_ACCESS_BLOCK,
                 PolicyActions.PUT_ACCOUNT_PUBLIC_ACCESS_BLOCK, PolicyActions.GET_ACCOUNT_PUBLIC_ACCESS_BLOCK,
                 PolicyActions.DELETE_ACCOUNT_PUBLIC_ACCESS_BLOCK -> policies.handle(operation, call, target, request);
            case S3Operations.PUT_BUCKET_VERSIONING -> versioning.put(call, target, request);
            case S3Operations.GET_BUCKET_VERSIONING -> versioning.get(call, target);
            case S3Operations.LIST_OBJECT_VERSIONS -> versioning.list(call, target);
            case S3Operations.DELETE_OBJECTS -> multiDelete.delete(call, target, request);
            case S3Operations.COPY_OBJECT -> copies.copy(call, target, request);
            case S3Operations.PUT_OBJECT_TAGGING -> tagging.putObject(call, target, request);
            case S3Operations.GET_OBJECT_TAGGING -> tagging.getObject(call, target);
            case S3Operations.DELETE_OBJECT_TAGGING -> tagging.deleteObject(call, target);
            case S3Operations.PUT_BUCKET_TAGGING -> tagging.putBucket(call, target, request);
            case S3Operations.GET_BUCKET_TAGGING -> tagging.getBucket(call, target);
            case S3Operations.DELETE_BUCKET_TAGGING -> tagging.deleteBucket(call, target);
            case S3Operations.PUT_BUCKET_ENCRYPTION -> encryption.put(call, target, request);
            case S3Operations.GET_BUCKET_ENCRYPTION -> encryption.get(call, target);
            case S3Operations.DELETE_BUCKET_ENCRYPTION -> encryption.delete(call, target);
            case S3Operations.PUT_BUCKET_LIFECYCLE -> lifecycle.put(call, target, request);
            case S3Operations.GET_BUCKET_LIFECYCLE -> lifecycle.get(call, target);
            case S3Operations.DELETE_BUCKET_LIFECYCLE -> lifecycle.delete(call, target);
            case S3Operations.RESTORE_OBJECT -> restores.restore(call, target, request);
            case S3Operations.CREATE_MULTIPART_UPLOAD -> multipart.create(call, target, request);
            case S3Operations.UPLOAD_PART -> multipart.uploadPart(call, target, request);
            case S3Operations.UPLOAD_PART_COPY -> multipart.uploadPartCopy(call, target, request);
            case S3Operations.COMPLETE_MULTIPART_UPLOAD -> multipart.complete(call, target, request);
            case S3Operations.ABORT_MULTIPART_UPLOAD -> multipart.abort(call, target);
            case S3Operations.LIST_PARTS -> multipart.listParts(call, target);
            case S3Operations.LIST_MULTIPART_UPLOADS -> multipart.listUploads(call, target);
            case S3Operations.PUT_OBJECT_LOCK_CONFIGURATION -> objectLock.putConfiguration(call, target, request);
            case S3Operations.GET_OBJECT_LOCK_CONFIGURATION -> objectLock.getConfiguration(call, target);
            case S3Operations.PUT_OBJECT_RETENTION -> objectLock.putRetention(call, target, request);
            case S3Operations.GET_OBJECT_RETENTION -> objectLock.getRetention(call, target);
            case S3Operations.PUT_OBJECT_LEGAL_HOLD -> objectLock.putLegalHold(call, target, request);
            case S3Operations.GET_OBJECT_LEGAL_HOLD -> objectLock.getLegalHold(call, target);
            default -> throw new AwsException("NotImplemented", 501,
                    "A header or query you provided implies functionality that is not implemented.");
        };
    }

    @Override
    public ApiResponse renderError(ApiRequest request, AwsException error) {
        if (PolicyActions.isControl(request)) {
            return PolicyActions.controlError(error, request.requestId());
        }
        return S3Responses.error(error, request.rawPath(), request.requestId(), request.method().equals("HEAD"));
    }

    @Override
    public String answeredErrorCode(AwsException error) {
        return S3Responses.code(error);
    }

    /** {@code bucketName}, {@code key} and {@code Host}, as CloudTrail records S3 calls. */
    @Override
    public Map<String, Object> auditRequestParameters(ApiRequest request) {
        if (PolicyActions.isControl(request)) {
            Map<String, Object> control = new LinkedHashMap<>();
            request.header("x-amz-account-id").ifPresent(account -> control.put("accountId", account));
            request.header("Host").ifPresent(host -> control.put("Host", host));
            return control.isEmpty() ? null : control;
        }
        S3Target target;
        try {
            target = S3Target.of(request, virtualHostDomain);
        } catch (AwsException unparseable) {
            return null;
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        target.bucket().ifPresent(bucket -> parameters.put("bucketName", bucket));
        target.key().ifPresent(key -> parameters.put("key", key));
        request.header("Host").ifPresent(host -> parameters.put("Host", host));
        target.query().forEach((name, value) -> {
            // never a presigned URL's signature or credential, nor any x-amz-* header sent as a parameter
            // (an SSE-C key among them)
            if (!name.regionMatches(true, 0, "x-amz-", 0, "x-amz-".length())) {
                parameters.putIfAbsent(name, value);
            }
        });
        return parameters.isEmpty() ? null : parameters;
    }

    @Override
    public List<AuditResource> auditResources(Map<String, Object> requestParameters, String accountId,
                                              String region) {
        if (requestParameters == null || !(requestParameters.get("bucketName") instanceof String bucket)) {
            return List.of();
        }
        List<AuditResource> resources = new ArrayList<>();
        if (requestParameters.get("key") instanceof String key) {
            resources.add(new AuditResource("arn:aws:s3:::" + bucket + "/" + key, null, "AWS::S3::Object"));
        }
        resources.add(new AuditResource("arn:aws:s3:::" + bucket, accountId, "AWS::S3::Bucket"));
        return resources;
    }
}
