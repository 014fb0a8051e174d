package io.strongroom.protocol.kms;

import io.strongroom.audit.AuditResource;
import io.strongroom.core.Arn;
import io.strongroom.kms.KmsService;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.audit.AuditResourceTable;
import io.strongroom.protocol.audit.AuditValues;
import io.strongroom.protocol.json.JsonService;
import io.strongroom.protocol.json.JsonServiceHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AWS KMS over the AWS JSON 1.1 protocol ({@code X-Amz-Target: TrentService.<Operation>}, signing
 * name {@code kms}). Each operation family reads its input as the 2014-11-01 model shapes it, calls
 * the {@link KmsService} (which validates, authorises and does the work) and writes the model's
 * output shapes, with every KeyId as the key's full ARN.
 *
 * <p>Audit records show what CloudTrail shows of KMS calls: the key and the encryption context, never
 * a plaintext (the audit redaction hides it) nor the bulky ciphertexts, signatures and MACs.
 */
public final class KmsJsonHandler extends JsonServiceHandler {
    public static final String SIGNING_NAME = "kms";
    public static final String TARGET_PREFIX = "TrentService";
    public static final JsonService SERVICE = JsonService.builder(TARGET_PREFIX)
            .internalFailureCode("KMSInternalException")
            .build();

    /** Operations that use a key without changing anything: CloudTrail marks them readOnly. */
    private static final Set<String> CRYPTOGRAPHIC = Set.of("Encrypt", "Decrypt", "ReEncrypt", "GenerateDataKey",
            "GenerateDataKeyWithoutPlaintext", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
            "GenerateRandom", "Sign", "Verify", "GenerateMac", "VerifyMac");
    /** Members left out of audit records: ciphertexts and signatures are bulky, and CloudTrail omits them. */
    private static final Set<String> NOT_RECORDED = Set.of("ciphertextBlob", "privateKeyCiphertextBlob", "signature",
            "mac", "message", "publicKey", "ciphertextForRecipient");

    /** Members of an answer that name the key used, as its full ARN. */
    private static final List<String> ANSWERED_KEYS = List.of("keyId", "sourceKeyId");

    private static final AuditResourceTable RESOURCES = AuditResourceTable.builder()
            .name("keyId", "AWS::KMS::Key", KmsJsonHandler::keyArn)
            .name("targetKeyId", "AWS::KMS::Key", KmsJsonHandler::keyArn)
            .name("sourceKeyId", "AWS::KMS::Key", KmsJsonHandler::keyArn)
            .name("destinationKeyId", "AWS::KMS::Key", KmsJsonHandler::keyArn)
            .name("aliasName", "AWS::KMS::Alias", (account, region, name) -> "arn:aws:kms:" + region + ":" + account
                    + ":" + name)
            .build();

    public KmsJsonHandler(KmsService kms) {
        super(SIGNING_NAME, SERVICE, List.of(
                new KeyActions(kms),
                new AliasActions(kms),
                new CryptoActions(kms),
                new SigningActions(kms),
                new GrantActions(kms),
                new RotationActions(kms),
                new TagActions(kms)));
    }

    @Override
    public boolean readOnly(String operation) {
        return CRYPTOGRAPHIC.contains(operation) || super.readOnly(operation);
    }

    @Override
    public List<AuditResource> auditResources(Map<String, Object> requestParameters, String accountId, String region) {
        return RESOURCES.resources(requestParameters, accountId, region);
    }

    /** As the parameters name them, and the keys the answer names: Decrypt and ReEncrypt may name none. */
    @Override
    public List<AuditResource> auditResources(Map<String, Object> requestParameters, ApiResponse response,
                                              String accountId, String region) {
        List<AuditResource> resources = new ArrayList<>(auditResources(requestParameters, accountId, region));
        if (requestParameters != null && requestParameters.get("keyId") instanceof String
                && !(requestParameters.containsKey("destinationKeyId") && !requestParameters.containsKey("sourceKeyId"))) {
            return resources; // the request named its key: no need to read the answer
        }
        Map<String, Object> answer = AuditValues.fromJsonObject(response.body());
        if (answer == null) {
            return resources;
        }
        for (String member : ANSWERED_KEYS) {
            if (answer.get(member) instanceof String arn && Arn.isArn(arn)
                    && resources.stream().noneMatch(resource -> resource.arn().equals(arn))) {
                resources.add(new AuditResource(arn, Arn.parse(arn).accountId(), "AWS::KMS::Key"));
            }
        }
        return resources;
    }

    @Override
    public Map<String, Object> auditRequestParameters(ApiRequest request) {
        return withoutBulk(super.auditRequestParameters(request));
    }

    @Override
    public Map<String, Object> auditResponseElements(ApiResponse response) {
        return withoutBulk(super.auditResponseElements(response));
    }

    private static Map<String, Object> withoutBulk(Map<String, Object> members) {
        if (members == null) {
            return null;
        }
        Map<String, Object> kept = new LinkedHashMap<>(members);
        kept.keySet().removeAll(NOT_RECORDED);
        return kept;
    }

    private static String keyArn(String account, String region, String name) {
        return name.startsWith("alias/") ? "arn:aws:kms:" + region + ":" + account + ":" + name
                : "arn:aws:kms:" + region + ":" + account + ":key/" + name;
    }
}
