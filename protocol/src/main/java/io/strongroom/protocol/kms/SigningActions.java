package io.strongroom.protocol.kms;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.kms.KmsService;
import io.strongroom.protocol.json.JsonInput;
import io.strongroom.protocol.json.JsonOperationFamily;
import io.strongroom.protocol.json.JsonOperationTable;
import io.strongroom.protocol.json.JsonResult;

/** Sign, Verify, GetPublicKey, GenerateMac and VerifyMac. */
final class SigningActions implements JsonOperationFamily {
    private static final int MAX_MESSAGE = 4096;
    private static final int MAX_SIGNATURE = 6144;

    private final KmsService kms;

    SigningActions(KmsService kms) {
        this.kms = requireNonNull(kms, "kms");
    }

    @Override
    public void registerInto(JsonOperationTable table) {
        table.add("Sign", KmsShapes.dryRunnable(this::sign))
                .add("Verify", KmsShapes.dryRunnable(this::verify))
                .add("GetPublicKey", this::getPublicKey)
                .add("GenerateMac", KmsShapes.dryRunnable(this::generateMac))
                .add("VerifyMac", KmsShapes.dryRunnable(this::verifyMac));
    }

    private JsonResult sign(JsonInput in, CallContext call) {
        KmsService.SignResult result = kms.sign(call, in.requiredString("KeyId", KmsShapes.KEY_ID),
                in.requiredBlob("Message", 1, MAX_MESSAGE), in.string("MessageType").orElse("RAW"),
                in.requiredString("SigningAlgorithm"), KmsShapes.grantTokens(in));
        return JsonResult.of(out -> out.string("KeyId", result.keyArn()).blob("Signature", result.signature())
                .string("SigningAlgorithm", result.algorithm()));
    }

    private JsonResult verify(JsonInput in, CallContext call) {
        KmsService.VerifyResult result = kms.verify(call, in.requiredString("KeyId", KmsShapes.KEY_ID),
                in.requiredBlob("Message", 1, MAX_MESSAGE), in.string("MessageType").orElse("RAW"),
                in.requiredBlob("Signature", 1, MAX_SIGNATURE), in.requiredString("SigningAlgorithm"),
                KmsShapes.grantTokens(in));
        return JsonResult.of(out -> out.string("KeyId", result.keyArn()).bool("SignatureValid", true)
                .string("SigningAlgorithm", result.algorithm()));
    }

    private JsonResult getPublicKey(JsonInput in, CallContext call) {
        KmsService.PublicKeyResult result = kms.getPublicKey(call, in.requiredString("KeyId", KmsShapes.KEY_ID),
                KmsShapes.grantTokens(in));
        return JsonResult.of(out -> {
            out.string("KeyId", result.key().arn()).blob("PublicKey", result.publicKey())
                    .string("CustomerMasterKeySpec", result.key().keySpec().name())
                    .string("KeySpec", result.key().keySpec().name())
                    .string("KeyUsage", result.key().keyUsage().name());
            KmsShapes.algorithms(out, result.key());
        });
    }

    private JsonResult generateMac(JsonInput in, CallContext call) {
        KmsService.MacResult result = kms.generateMac(call, in.requiredString("KeyId", KmsShapes.KEY_ID),
                in.requiredBlob("Message", 1, MAX_MESSAGE), in.requiredString("MacAlgorithm"), KmsShapes.grantTokens(in));
        return JsonResult.of(out -> out.blob("Mac", result.mac()).string("MacAlgorithm", result.algorithm())
                .string("KeyId", result.keyArn()));
    }

    private JsonResult verifyMac(JsonInput in, CallContext call) {
        KmsService.VerifyResult result = kms.verifyMac(call, in.requiredString("KeyId", KmsShapes.KEY_ID),
                in.requiredBlob("Message", 1, MAX_MESSAGE), in.requiredBlob("Mac", 1, MAX_SIGNATURE),
                in.requiredString("MacAlgorithm"), KmsShapes.grantTokens(in));
        return JsonResult.of(out -> out.string("KeyId", result.keyArn()).bool("MacValid", true)
                .string("MacAlgorithm", result.algorithm()));
    }
}
