package io.strongroom.protocol.kms;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.kms.Grant;
import io.strongroom.kms.KmsService;
import io.strongroom.protocol.json.JsonInput;
import io.strongroom.protocol.json.JsonOperationFamily;
import io.strongroom.protocol.json.JsonOperationTable;
import io.strongroom.protocol.json.JsonResult;
import io.strongroom.protocol.json.JsonWriter;
import io.strongroom.protocol.json.StringConstraints;

import java.util.Optional;

/** CreateGrant, ListGrants, ListRetirableGrants, RetireGrant and RevokeGrant. */
final class GrantActions implements JsonOperationFamily {
    private static final StringConstraints PRINCIPAL = StringConstraints.length(1, 256);
    private static final StringConstraints GRANT_ID = StringConstraints.length(1, 128);

    private final KmsService kms;

    GrantActions(KmsService kms) {
        this.kms = requireNonNull(kms, "kms");
    }

    @Override
    public void registerInto(JsonOperationTable table) {
        table.add("CreateGrant", KmsShapes.dryRunnable(this::createGrant))
                .add("ListGrants", this::listGrants)
                .add("ListRetirableGrants", this::listRetirableGrants)
                .add("RetireGrant", KmsShapes.dryRunnable(this::retireGrant))
                .add("RevokeGrant", KmsShapes.dryRunnable(this::revokeGrant));
    }

    private JsonResult createGrant(JsonInput in, CallContext call) {
        Optional<JsonInput> constraints = in.object("Constraints");
        KmsService.CreatedGrant grant = kms.createGrant(call, new KmsService.CreateGrantRequest(
                in.requiredString("KeyId", KmsShapes.KEY_ID), in.requiredString("GranteePrincipal", PRINCIPAL),
                in.string("RetiringPrincipal", PRINCIPAL),
                in.requiredStringList("Operations", 1, 32, StringConstraints.none()),
                constraints.filter(c -> c.has("EncryptionContextSubset")).map(c -> c.stringMap("EncryptionContextSubset")),
                constraints.filter(c -> c.has("EncryptionContextEquals")).map(c -> c.stringMap("EncryptionContextEquals")),
                KmsShapes.grantTokens(in), in.string("Name", StringConstraints.length(1, 256))));
        return JsonResult.of(out -> out.string("GrantToken", grant.grantToken()).string("GrantId", grant.grantId()));
    }

    private JsonResult listGrants(JsonInput in, CallContext call) {
        String keyId = in.requiredString("KeyId", KmsShapes.KEY_ID);
        KmsService.Page<Grant> page = kms.listGrants(call, keyId, in.string("GrantId", GRANT_ID),
                in.string("GranteePrincipal", PRINCIPAL), KmsShapes.marker(in), KmsShapes.limit(in, 100, 50));
        return grants(page);
    }

    private JsonResult listRetirableGrants(JsonInput in, CallContext call) {
        KmsService.Page<Grant> page = kms.listRetirableGrants(call, in.requiredString("RetiringPrincipal", PRINCIPAL),
                KmsShapes.marker(in), KmsShapes.limit(in, 100, 50));
        return grants(page);
    }

    private JsonResult retireGrant(JsonInput in, CallContext call) {
        kms.retireGrant(call, in.string("GrantToken", KmsShapes.GRANT_TOKEN), in.string("KeyId", KmsShapes.KEY_ID),
                in.string("GrantId", GRANT_ID));
        return JsonResult.of(out -> { });
    }

    private JsonResult revokeGrant(JsonInput in, CallContext call) {
        kms.revokeGrant(call, in.requiredString("KeyId", KmsShapes.KEY_ID), in.requiredString("GrantId", GRANT_ID));
        return JsonResult.of(out -> { });
    }

    private JsonResult grants(KmsService.Page<Grant> page) {
        return JsonResult.of(out -> {
            out.objectList("Grants", page.items(), (entry, grant) -> grant(entry, grant, kms.keyArnOf(grant)));
            KmsShapes.page(out, page);
        });
    }

    private static void grant(JsonWriter out, Grant grant, String keyArn) {
        out.string("KeyId", keyArn)
                .string("GrantId", grant.grantId())
                .string("Name", grant.name().orElse(""))
                .timestamp("CreationDate", grant.creationDate())
                .string("GranteePrincipal", grant.granteePrincipal())
                .string("RetiringPrincipal", grant.retiringPrincipal())
                .string("IssuingAccount", grant.issuingAccount())
                .stringList("Operations", grant.operations());
        if (grant.encryptionContextSubset().isPresent() || grant.encryptionContextEquals().isPresent()) {
            out.object("Constraints", constraints -> {
                grant.encryptionContextSubset().ifPresent(c -> constraints.stringMap("EncryptionContextSubset", c));
                grant.encryptionContextEquals().ifPresent(c -> constraints.stringMap("EncryptionContextEquals", c));
            });
        }
    }

}
