package io.strongroom.protocol.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.query.XmlWriter;
import io.strongroom.s3.BucketEncryption;
import io.strongroom.s3.ObjectEncryption;
import io.strongroom.s3.S3Service;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Put/Get/DeleteBucketEncryption: a ServerSideEncryptionConfiguration of one rule. */
final class EncryptionConfigActions {
    private final S3Service service;

    EncryptionConfigActions(S3Service service) {
        this.service = requireNonNull(service, "service");
    }

    ApiResponse put(CallContext call, S3Target target, ApiRequest request) {
        S3XmlInput configuration = S3XmlInput.parse(ContentIntegrity.checkedBody(request),
                        "ServerSideEncryptionConfiguration")
                .orElseThrow(S3XmlInput::malformed);
        List<S3XmlInput> rules = configuration.children("Rule");
        if (rules.size() != 1) {
            throw S3XmlInput.malformed();
        }
        S3XmlInput rule = rules.getFirst();
        S3XmlInput byDefault = rule.child("ApplyServerSideEncryptionByDefault").orElseThrow(S3XmlInput::malformed);
        ObjectEncryption.Mode mode = switch (byDefault.text("SSEAlgorithm").orElseThrow(S3XmlInput::malformed)) {
            case "AES256" -> ObjectEncryption.Mode.SSE_S3;
            case "aws:kms" -> ObjectEncryption.Mode.SSE_KMS;
            case "aws:kms:dsse" -> throw new AwsException("InvalidArgument", 400,
                    "aws:kms:dsse default encryption is not supported by this server.");
            default -> throw S3XmlInput.malformed();
        };
        Optional<String> keyId = byDefault.text("KMSMasterKeyID").filter(id -> !id.isEmpty());
        boolean bucketKey = rule.text("BucketKeyEnabled").map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw S3XmlInput.malformed();
        }).orElse(false);
        service.putBucketEncryption(call, target.bucket().orElseThrow(), new BucketEncryption(mode, keyId, bucketKey));
        return S3Responses.empty(200, Map.of());
    }

    ApiResponse get(CallContext call, S3Target target) {
        BucketEncryption encryption = service.bucketEncryption(call, target.bucket().orElseThrow());
        XmlWriter document = S3Responses.document("ServerSideEncryptionConfiguration")
                .start("Rule")
                .start("ApplyServerSideEncryptionByDefault")
                .element("SSEAlgorithm", encryption.mode() == ObjectEncryption.Mode.SSE_KMS ? "aws:kms" : "AES256");
        encryption.kmsKeyId().ifPresent(id -> document.element("KMSMasterKeyID", id));
        document.end().element("BucketKeyEnabled", encryption.bucketKeyEnabled()).end();
        return S3Responses.xml(document);
    }

    ApiResponse delete(CallContext call, S3Target target) {
        service.deleteBucketEncryption(call, target.bucket().orElseThrow());
        return S3Responses.empty(204, Map.of());
    }
}
