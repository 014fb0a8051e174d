package io.strongroom.organizations.guardrails;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The service control policies a regulated organization starts from, shipped as documents under
 * {@code io/strongroom/organizations/guardrails/}. Each denies one way of weakening the environment's
 * controls to everyone except a break-glass role ({@code arn:aws:iam::*:role/BreakGlass*}), whose use
 * the audit trail records. Each also keeps that exemption from being self-service: nobody but the
 * management account's {@code OrganizationAccountAccessRole} may create or change a break-glass role, or
 * that access role itself, so a member account's own administrators cannot mint an exempt role. An
 * administrator creates them with CreatePolicy and attaches them where they should bind; they are not
 * attached by default.
 */
public final class BaselineGuardrails {
    /** The principals every baseline guardrail exempts, as {@code aws:PrincipalArn} matches them. */
    public static final String BREAK_GLASS_ROLE_PATTERN = "arn:aws:iam::*:role/BreakGlass*";
    private static final String RESOURCE_FOLDER = "/io/strongroom/organizations/guardrails/";

    private BaselineGuardrails() {
    }

    /**
     * One guardrail.
     *
     * @param name        a policy name for CreatePolicy
     * @param description a policy description for CreatePolicy
     * @param threat      what it stops
     * @param document    the SCP's content
     */
    public record Guardrail(String name, String description, String threat, String document) {
        public Guardrail {
            requireNonNull(name, "name");
            requireNonNull(description, "description");
            requireNonNull(threat, "threat");
            requireNonNull(document, "document");
        }
    }

    public static List<Guardrail> all() {
        return List.of(
                load("DenyAccountPublicAccessBlockChanges", "deny-account-public-access-block-changes.json",
                        "Keeps the account-wide S3 Block Public Access settings as they are.",
                        "Data made public by first switching off the account's public access block (S3's"
                                + " account-level DeletePublicAccessBlock is authorised as this action too)."),
                load("ProtectAuditTrail", "protect-cloudtrail.json",
                        "Keeps CloudTrail trails logging every event they log now.",
                        "An intruder or insider hiding their actions by stopping, deleting or narrowing the"
                                + " audit trail."),
                load("ProtectRestrictedKeys", "protect-restricted-kms-keys.json",
                        "Keeps KMS keys tagged DataClassification=restricted enabled, scheduled for no deletion,"
                                + " and tagged restricted.",
                        "Restricted data made unreadable (ransom or sabotage) by disabling or deleting its key, or by"
                                + " removing its restricted tag first."),
                load("RequireS3Encryption", "require-s3-encryption.json",
                        "Requires SSE-KMS or SSE-S3 on every S3 PutObject.",
                        "Objects written without server-side encryption, or with an encryption the bank does"
                                + " not accept."),
                load("DenyLeaveOrganization", "deny-leave-organization.json",
                        "Keeps member accounts inside the organization.",
                        "An account escaping every guardrail by leaving the organization."));
    }

    private static Guardrail load(String name, String file, String description, String threat) {
        try (InputStream in = BaselineGuardrails.class.getResourceAsStream(RESOURCE_FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("missing guardrail resource " + file);
            }
            return new Guardrail(name, description, threat, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
