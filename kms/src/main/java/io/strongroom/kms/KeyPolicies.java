package io.strongroom.kms;

import io.strongroom.policy.MalformedPolicyDocumentException;
import io.strongroom.policy.NamedPolicy;
import io.strongroom.policy.PolicyDocument;
import io.strongroom.policy.PolicyKind;
import io.strongroom.policy.PolicyType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Key policies: the default one, validation of a new one, and the policy that authorisation weighs,
 * which is the key policy with the key's grants appended as Allow statements for their grantees.
 * A grant is then exactly what AWS makes it: it allows on its own, and any explicit deny (in the key
 * policy, an identity policy or a guardrail) still wins over it.
 */
public final class KeyPolicies {
    /** Every key policy has this one name. */
    public static final String POLICY_NAME = "default";
    /** The longest key policy KMS accepts. */
    public static final int MAX_LENGTH = 32_768;
    /**
     * Operations a grant's encryption-context constraint does not bind as a condition: DescribeKey and
     * RetireGrant, as AWS documents, and CreateGrant, whose constraint binds the child grant instead
     * ({@link GrantOperations} checks it).
     */
    private static final Set<String> UNCONSTRAINED = Set.of("DescribeKey", "RetireGrant", "CreateGrant");

    private KeyPolicies() {
    }

    /** The policy KMS gives a key created without one: the account may delegate access to IAM policies. */
    public static String defaultPolicy(String accountId) {
        return "{\n  \"Version\" : \"2012-10-17\",\n  \"Id\" : \"key-default-1\",\n  \"Statement\" : [ {\n"
                + "    \"Sid\" : \"Enable IAM User Permissions\",\n    \"Effect\" : \"Allow\",\n"
                + "    \"Principal\" : {\n      \"AWS\" : \"arn:aws:iam::" + accountId + ":root\"\n    },\n"
                + "    \"Action\" : \"kms:*\",\n    \"Resource\" : \"*\"\n  } ]\n}";
    }

    /**
     * The policy of an AWS managed key, in the shape AWS gives it: every principal of the account may
     * use the key through the one service it belongs to ({@code kms:ViaService}), and the account may
     * read the key's metadata directly (as its IAM policies allow). Nothing may administer it.
     */
    public static String awsManagedPolicy(String accountId, String service, String region) {
        return "{\n  \"Version\" : \"2012-10-17\",\n  \"Id\" : \"auto-" + service + "-2\",\n  \"Statement\" : [ {\n"
                + "    \"Sid\" : \"Allow access through " + service.toUpperCase(java.util.Locale.ROOT)
                + " for all principals in the account that are authorized to use " + service.toUpperCase(java.util.Locale.ROOT)
                + "\",\n    \"Effect\" : \"Allow\",\n    \"Principal\" : {\n      \"AWS\" : \"*\"\n    },\n"
                + "    \"Action\" : [ \"kms:Encrypt\", \"kms:Decrypt\", \"kms:ReEncrypt*\", \"kms:GenerateDataKey*\","
                + " \"kms:DescribeKey\" ],\n    \"Resource\" : \"*\",\n    \"Condition\" : {\n"
                + "      \"StringEquals\" : {\n        \"kms:CallerAccount\" : \"" + accountId + "\",\n"
                + "        \"kms:ViaService\" : \"" + viaService(service, region) + "\"\n      }\n    }\n  }, {\n"
                + "    \"Sid\" : \"Allow direct access to key metadata to the account\",\n"
                + "    \"Effect\" : \"Allow\",\n    \"Principal\" : {\n      \"AWS\" : \"arn:aws:iam::" + accountId
                + ":root\"\n    },\n    \"Action\" : [ \"kms:Describe*\", \"kms:Get*\", \"kms:List*\" ],\n"
                + "    \"Resource\" : \"*\"\n  } ]\n}";
    }

    /** The {@code kms:ViaService} value of calls a service makes in a region: {@code s3.eu-west-1.amazonaws.com}. */
    public static String viaService(String service, String region) {
        return service + "." + region + ".amazonaws.com";
    }

    /** Parses a key policy; MalformedPolicyDocumentException when it is not a valid resource policy. */
    public static PolicyDocument parse(String policy) {
        if (policy.length() > MAX_LENGTH) {
            throw KmsErrors.malformedPolicy("The key policy is " + policy.length()
                    + " characters long; the maximum is " + MAX_LENGTH + ".");
        }
        try {
            return PolicyDocument.parse(policy, PolicyKind.RESOURCE);
        } catch (MalformedPolicyDocumentException e) {
            throw KmsErrors.malformedPolicy(e.getMessage());
        }
    }

    /** The key policy alone, without grants. */
    static NamedPolicy keyPolicyOnly(KmsKey key) {
        return effective(key, List.of());
    }

    /** The key policy and the key's grants, as the one resource policy authorisation evaluates. */
    static NamedPolicy effective(KmsKey key, List<Grant> grants) {
        PolicyDocument document;
        try {
            document = PolicyDocument.parse(key.policy(), PolicyKind.RESOURCE);
        } catch (MalformedPolicyDocumentException e) {
            document = PolicyDocument.denyAll(PolicyKind.RESOURCE); // deny on doubt
        }
        List<PolicyDocument> grantStatements = new ArrayList<>(grants.size());
        for (Grant grant : grants) {
            grantStatements.addAll(asStatements(grant));
        }
        return new NamedPolicy(PolicyType.RESOURCE, key.arn() + "/policy/" + POLICY_NAME,
                document.withStatementsOf(grantStatements));
    }

    /**
     * A grant as Allow statements: its constraint binds the operations that take an encryption
     * context; the {@link #UNCONSTRAINED} ones are allowed whatever the context.
     */
    private static List<PolicyDocument> asStatements(Grant grant) {
        boolean constrained = grant.encryptionContextEquals().isPresent() || grant.encryptionContextSubset().isPresent();
        if (!constrained) {
            return List.of(asStatement(grant, grant.operations(), "grant:" + grant.grantId()));
        }
        List<PolicyDocument> statements = new ArrayList<>(2);
        List<String> bound = grant.operations().stream().filter(op -> !UNCONSTRAINED.contains(op)).toList();
        List<String> free = grant.operations().stream().filter(UNCONSTRAINED::contains).toList();
        if (!bound.isEmpty()) {
            statements.add(asStatement(grant, bound, "grant:" + grant.grantId()));
        }
        if (!free.isEmpty()) {
            statements.add(PolicyDocument.allowStatement("grant:" + grant.grantId() + ":unconstrained",
                    grant.granteePrincipal(), free.stream().map(operation -> "kms:" + operation).toList(), Map.of()));
        }
        return statements;
    }

    private static PolicyDocument asStatement(Grant grant, List<String> operations, String sid) {
        List<String> actions = operations.stream().map(operation -> "kms:" + operation).toList();
        Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
        Optional<Map<String, String>> required = grant.encryptionContextEquals().or(grant::encryptionContextSubset);
        required.ifPresent(context -> {
            Map<String, List<String>> equals = new LinkedHashMap<>();
            context.forEach((key, value) -> equals.put("kms:EncryptionContext:" + key, List.of(value)));
            if (!equals.isEmpty()) {
                conditions.put("StringEquals", equals);
            }
        });
        grant.encryptionContextEquals().ifPresent(context -> conditions.put("ForAllValues:StringEquals",
                Map.of("kms:EncryptionContextKeys", List.copyOf(context.keySet()))));
        return PolicyDocument.allowStatement(sid, grant.granteePrincipal(), actions, conditions);
    }
}
