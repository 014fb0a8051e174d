package io.strongroom.protocol.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.query.XmlWriter;
import io.strongroom.s3.PublicAccessBlock;
import io.strongroom.s3.S3Service;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bucket policies and Block Public Access: PutBucketPolicy, GetBucketPolicy, DeleteBucketPolicy,
 * GetBucketPolicyStatus and the bucket's Put/Get/DeletePublicAccessBlock; and the account's
 * Put/Get/DeletePublicAccessBlock of S3 Control ({@code /v20180820/configuration/publicAccessBlock}).
 */
final class PolicyActions {
    static final String PUT_BUCKET_POLICY = "PutBucketPolicy";
    static final String GET_BUCKET_POLICY = "GetBucketPolicy";
    static final String DELETE_BUCKET_POLICY = "DeleteBucketPolicy";
    static final String GET_BUCKET_POLICY_STATUS = "GetBucketPolicyStatus";
    static final String PUT_PUBLIC_ACCESS_BLOCK = "PutPublicAccessBlock";
    static final String GET_PUBLIC_ACCESS_BLOCK = "GetPublicAccessBlock";
    static final String DELETE_PUBLIC_ACCESS_BLOCK = "DeletePublicAccessBlock";
    /** S3 Control's account-level operations, under the names CloudTrail records them with. */
    static final String PUT_ACCOUNT_PUBLIC_ACCESS_BLOCK = "PutAccountPublicAccessBlock";
    static final String GET_ACCOUNT_PUBLIC_ACCESS_BLOCK = "GetAccountPublicAccessBlock";
    static final String DELETE_ACCOUNT_PUBLIC_ACCESS_BLOCK = "DeleteAccountPublicAccessBlock";
    static final List<String> READ_ONLY = List.of(GET_BUCKET_POLICY, GET_BUCKET_POLICY_STATUS,
            GET_PUBLIC_ACCESS_BLOCK, GET_ACCOUNT_PUBLIC_ACCESS_BLOCK);

    /** S3 Control's API version prefix: its requests are told from bucket requests by their path alone. */
    static final String CONTROL_PREFIX = "/v20180820/";
    private static final String CONTROL_PUBLIC_ACCESS_BLOCK = CONTROL_PREFIX + "configuration/publicAccessBlock";
    private static final String CONTROL_NAMESPACE = "http://awss3control.amazonaws.com/doc/2018-08-20/";
    private static final String CONFIGURATION = "PublicAccessBlockConfiguration";

    private final S3Service service;

    PolicyActions(S3Service service) {
        this.service = requireNonNull(service, "service");
    }

    /** The operation of a bucket request with these subresources, or null when it is none of these. */
    static String bucketOperation(String method, List<String> subresources) {
        if (subresources.equals(List.of("policy"))) {
            return switch (method) {
                case "PUT" -> PUT_BUCKET_POLICY;
                case "GET" -> GET_BUCKET_POLICY;
                case "DELETE" -> DELETE_BUCKET_POLICY;
                default -> null;
            };
        }
        if (subresources.equals(List.of("policyStatus"))) {
            return method.equals("GET") ? GET_BUCKET_POLICY_STATUS : null;
        }
        if (subresources.equals(List.of("publicAccessBlock"))) {
            return switch (method) {
                case "PUT" -> PUT_PUBLIC_ACCESS_BLOCK;
                case "GET" -> GET_PUBLIC_ACCESS_BLOCK;
                case "DELETE" -> DELETE_PUBLIC_ACCESS_BLOCK;
                default -> null;
            };
        }
        return null;
    }

    /** Whether the request is for S3 Control, whatever host it was sent to. */
    static boolean isControl(ApiRequest request) {
        return request.rawPath().startsWith(CONTROL_PREFIX);
    }

    /** The S3 Control operation of a request {@link #isControl} accepted; UNSUPPORTED for the others. */
    static String controlOperation(ApiRequest request) {
        if (!request.rawPath().equals(CONTROL_PUBLIC_ACCESS_BLOCK)) {
            return S3Operations.UNSUPPORTED;
        }
        return switch (request.method()) {
            case "PUT" -> PUT_ACCOUNT_PUBLIC_ACCESS_BLOCK;
            case "GET" -> GET_ACCOUNT_PUBLIC_ACCESS_BLOCK;
            case "DELETE" -> DELETE_ACCOUNT_PUBLIC_ACCESS_BLOCK;
            default -> S3Operations.UNSUPPORTED;
        };
    }

    /**
     * S3 Control's error document, which unlike S3's wraps the error:
     * {@code <ErrorResponse><Error><Code/><Message/></Error><RequestId/></ErrorResponse>}.
     */
    static ApiResponse controlError(AwsException error, String requestId) {
        XmlWriter document = new XmlWriter("ErrorResponse").start("Error")
                .element("Code", S3Responses.code(error))
                .element("Message", error.getMessage() == null ? "" : error.getMessage())
                .end()
                .element("RequestId", requestId);
        return new ApiResponse(S3Responses.status(error), Map.of("Content-Type", "application/xml"),
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + document.finish())
                        .getBytes(StandardCharsets.UTF_8));
    }

    ApiResponse handle(String operation, CallContext call, S3Target target, ApiRequest request) {
        return switch (operation) {
            case PUT_BUCKET_POLICY -> {
                service.putBucketPolicy(call, bucket(target), policyText(request));
                yield S3Responses.empty(204, Map.of());
            }
            case GET_BUCKET_POLICY -> new ApiResponse(200, Map.of("Content-Type", "application/json"),
                    service.bucketPolicy(call, bucket(target)).getBytes(StandardCharsets.UTF_8));
            case DELETE_BUCKET_POLICY -> {
                service.deleteBucketPolicy(call, bucket(target));
                yield S3Responses.empty(204, Map.of());
            }
            case GET_BUCKET_POLICY_STATUS -> S3Responses.xml(S3Responses.document("PolicyStatus")
                    .element("IsPublic", Boolean.toString(service.bucketPolicyIsPublic(call, bucket(target)))));
            case PUT_PUBLIC_ACCESS_BLOCK -> {
                service.putPublicAccessBlock(call, bucket(target), settings(request));
                yield S3Responses.empty(200, Map.of());
            }
            case GET_PUBLIC_ACCESS_BLOCK -> S3Responses.xml(configuration(
                    S3Responses.document(CONFIGURATION), service.publicAccessBlock(call, bucket(target))));
            case DELETE_PUBLIC_ACCESS_BLOCK -> {
                service.deletePublicAccessBlock(call, bucket(target));
                yield S3Responses.empty(204, Map.of());
            }
            case PUT_ACCOUNT_PUBLIC_ACCESS_BLOCK -> {
                service.putAccountPublicAccessBlock(call, accountId(request), settings(request));
                yield S3Responses.empty(200, Map.of());
            }
            case GET_ACCOUNT_PUBLIC_ACCESS_BLOCK -> S3Responses.xml(configuration(
                    new XmlWriter(CONFIGURATION, CONTROL_NAMESPACE),
                    service.accountPublicAccessBlock(call, accountId(request))));
            case DELETE_ACCOUNT_PUBLIC_ACCESS_BLOCK -> {
                service.deleteAccountPublicAccessBlock(call, accountId(request));
                yield S3Responses.empty(204, Map.of());
            }
            default -> throw new IllegalArgumentException("not a policy operation: " + operation);
        };
    }

    private static String bucket(S3Target target) {
        return target.bucket().orElseThrow();
    }

    /** The policy as sent: UTF-8 text, kept byte for byte. */
    private static String policyText(ApiRequest request) {
        byte[] body = S3XmlInput.bounded(request);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new AwsException("MalformedPolicy", 400, "Policies must be valid JSON and the first byte must be '{'");
        }
    }

    /** A PublicAccessBlockConfiguration body; a setting it leaves out is off, as in S3. */
    private static PublicAccessBlock settings(ApiRequest request) {
        S3XmlInput configuration = S3XmlInput.read(request, CONFIGURATION).orElseThrow(S3XmlInput::malformed);
        return new PublicAccessBlock(flag(configuration, "BlockPublicAcls"), flag(configuration, "IgnorePublicAcls"),
                flag(configuration, "BlockPublicPolicy"), flag(configuration, "RestrictPublicBuckets"));
    }

    private static boolean flag(S3XmlInput configuration, String name) {
        Optional<String> value = configuration.text(name);
        if (value.isEmpty()) {
            return false;
        }
        return switch (value.get()) {
            case "true", "TRUE", "True" -> true;
            case "false", "FALSE", "False" -> false;
            default -> throw S3XmlInput.malformed();
        };
    }

    private static XmlWriter configuration(XmlWriter document, PublicAccessBlock settings) {
        return document.element("BlockPublicAcls", Boolean.toString(settings.blockPublicAcls()))
                .element("IgnorePublicAcls", Boolean.toString(settings.ignorePublicAcls()))
                .element("BlockPublicPolicy", Boolean.toString(settings.blockPublicPolicy()))
                .element("RestrictPublicBuckets", Boolean.toString(settings.restrictPublicBuckets()));
    }

    private static String accountId(ApiRequest request) {
        String account = request.header("x-amz-account-id").map(String::strip).orElse("");
        if (account.isEmpty()) {
            throw new AwsException("InvalidRequest", 400, "Missing required header for this request: x-amz-account-id");
        }
        if (!account.matches("\\d{12}")) {
            throw new AwsException("InvalidAccountId", 400, "Account is not valid");
        }
        return account;
    }
}
