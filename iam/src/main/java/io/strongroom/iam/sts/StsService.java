package io.strongroom.iam.sts;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.Arn;
import io.strongroom.core.AwsException;
import io.strongroom.core.Ids;
import io.strongroom.core.spi.RootKeyProvider;
import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.access.AccessDeniedException;
import io.strongroom.iam.access.ProtectedResource;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.Principal;
import io.strongroom.iam.auth.SessionTokens;
import io.strongroom.iam.identity.IamArns;
import io.strongroom.iam.identity.IdentityRepository;
import io.strongroom.iam.identity.InputValidator;
import io.strongroom.iam.identity.PolicyDocumentRules;
import io.strongroom.iam.identity.Role;
import io.strongroom.iam.identity.SecretBinding;
import io.strongroom.iam.identity.StsSessionRecord;
import io.strongroom.iam.identity.Tag;
import io.strongroom.iam.identity.TagConditionKeys;
import io.strongroom.policy.Decision;
import io.strongroom.policy.NamedPolicy;
import io.strongroom.policy.PolicyDocument;
import io.strongroom.policy.PolicyType;
import io.strongroom.policy.PolicyKind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The STS API as plain Java: GetCallerIdentity and AssumeRole. AssumeRole needs both an
 * identity-based policy of the caller allowing {@code sts:AssumeRole} on the role and the role's
 * trust policy allowing the caller, in the caller's account or another one (then the guardrails
 * of both apply). The role's
 * tags reach both decisions as {@code aws:ResourceTag/…} and {@code iam:ResourceTag/…}; a role session
 * that assumes a role is bound by {@link RoleChaining}.
 */
public final class StsService {
    /** The allowance for the packed session policy and session tags. */
    static final int PACKED_POLICY_LIMIT = 2048;

    private final IdentityRepository repository;
    private final Transactor transactor;
    private final RootKeyProvider rootKeys;
    private final AccessAuthorizer authorizer;
    private final Clock clock;

    public StsService(IdentityRepository repository, Transactor transactor, RootKeyProvider rootKeys,
                      AccessAuthorizer authorizer, Clock clock) {
        this.repository = requireNonNull(repository, "repository");
        this.transactor = requireNonNull(transactor, "transactor");
        this.rootKeys = requireNonNull(rootKeys, "rootKeys");
        this.authorizer = requireNonNull(authorizer, "authorizer");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Needs no permission, as in AWS: every authenticated caller may ask who it is. */
    public CallerIdentity getCallerIdentity(CallContext call) {
        Principal principal = call.principal();
        return new CallerIdentity(principal.accountId(), principal.arn(), principal.principalId());
    }

    public AssumeRoleResult assumeRole(CallContext call, AssumeRoleRequest request) {
        AssumeRoleValidation.validate(request);
        request.policy().ifPresent(PolicyDocumentRules::inlinePolicy);
        int packedPercent = packedPolicyPercent(request);
        if (packedPercent > 100) {
            throw new AwsException("PackedPolicyTooLarge", 400, "Packed policy consumes " + packedPercent
                    + "% of allotted space, please use smaller policy.");
        }
        Principal caller = call.principal();
        if (caller.isRoot()) {
            throw AwsException.accessDenied("Roles may not be assumed by root accounts.");
        }
        Optional<String> sourceIdentity = RoleChaining.sourceIdentity(caller, request.sourceIdentity());
        // The role and its tags are read in the same transaction that issues the session, so the tags
        // the decision saw are the tags of the role the session is for.
        return transactor.inTransaction(() -> {
            Optional<Role> role = findRole(request.roleArn());
            Map<String, List<String>> keys = TagConditionKeys.merge(requestConditionKeys(request, sourceIdentity),
                    TagConditionKeys.resource(role.map(Role::tags).orElse(Map.of())));
            List<String> actions = actionsAuthorised(request, sourceIdentity);
            if (Arn.parse(request.roleArn()).accountId().equals(caller.accountId())) {
                // Within the account the caller's own policies must allow too, even when the trust
                // policy names the caller: a trust policy alone never hands out a role.
                for (String action : actions) {
                    authorizer.authorize(call, action, request.roleArn(), keys);
                }
            }
            Role found = role.orElseThrow(() -> trustDenied(caller, request.roleArn(),
                    Decision.implicitDeny(PolicyType.RESOURCE)));
            // Trust first: a caller the role does not trust learns nothing about it, not even its limits.
            requireTrust(call, found, actions, keys);
            int duration = RoleChaining.duration(caller, request.durationSeconds());
            if (duration > found.maxSessionDuration()) {
                throw AwsException.validation("The requested DurationSeconds exceeds the MaxSessionDuration set for"
                        + " this role.");
            }
            return issue(caller, found, request, sourceIdentity, duration, packedPercent);
        });
    }

    private AssumeRoleResult issue(Principal caller, Role role, AssumeRoleRequest request,
                                   Optional<String> sourceIdentity, int duration, int packedPercent) {
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plusSeconds(duration);
        String accessKeyId = Ids.temporaryAccessKeyId();
        String secret = Ids.secretAccessKey();
        String token = SessionTokens.newToken();
        byte[] wrapped = rootKeys.wrap(secret.getBytes(StandardCharsets.UTF_8), SecretBinding.stsSessionAad(accessKeyId));
        repository.insertSession(new StsSessionRecord(accessKeyId, role.accountId(), wrapped, SessionTokens.hash(token),
                role.arn(), role.roleId(), role.roleName(), request.roleSessionName(), issuedAt, expiresAt,
                request.policy(), tagMap(request.tags()), sourceIdentity, caller.arn()));
        AssumedRoleUser user = new AssumedRoleUser(role.roleId() + ":" + request.roleSessionName(),
                IamArns.assumedRole(role.accountId(), role.roleName(), request.roleSessionName()));
        return new AssumeRoleResult(new TemporaryCredentials(accessKeyId, secret, token, expiresAt), user,
                packedPercent, sourceIdentity);
    }

    /** The role the ARN names, in whichever account, with exactly that path. */
    private Optional<Role> findRole(String roleArn) {
        if (!Arn.isArn(roleArn)) {
            throw AwsException.validation(InputValidator.abbreviated(roleArn) + " is invalid");
        }
        Arn arn = Arn.parse(roleArn);
        if (!arn.service().equals("iam") || !arn.resource().startsWith("role/")) {
            throw AwsException.validation(InputValidator.abbreviated(roleArn) + " is invalid");
        }
        String roleName = arn.resource().substring(arn.resource().lastIndexOf('/') + 1);
        return repository.findRole(arn.accountId(), roleName).filter(role -> role.arn().equals(roleArn));
    }

    /**
     * What both the caller's policies and the role's trust policy must allow: sts:AssumeRole, plus
     * sts:TagSession when session tags are passed and sts:SetSourceIdentity when the session will
     * carry a source identity (given now or inherited from the calling session).
     */
    private static List<String> actionsAuthorised(AssumeRoleRequest request, Optional<String> sourceIdentity) {
        List<String> actions = new java.util.ArrayList<>(List.of("sts:AssumeRole"));
        if (!request.tags().isEmpty()) {
            actions.add("sts:TagSession");
        }
        if (sourceIdentity.isPresent()) {
            actions.add("sts:SetSourceIdentity");
        }
        return actions;
    }

    /**
     * The role's trust policy is its resource-based policy and must allow by itself. Across accounts the
     * caller's identity-based policies must allow as well; the guardrails of both accounts apply.
     */
    private void requireTrust(CallContext call, Role role, List<String> actions, Map<String, List<String>> keys) {
        PolicyDocument trust = PolicyDocument.parse(role.assumeRolePolicyDocument(), PolicyKind.TRUST);
        ProtectedResource resource = ProtectedResource.withRequiredPolicy(role.arn(),
                new NamedPolicy(PolicyType.RESOURCE, role.arn(), trust));
        for (String action : actions) {
            Decision decision = authorizer.decide(call, action, resource, keys);
            if (decision.allowed()) {
                continue;
            }
            if (decision.deciderType() == PolicyType.RESOURCE) {
                throw trustDenied(call.principal(), role.arn(), decision);
            }
            throw new AccessDeniedException(decision.accessDeniedMessage(call.principal().arn(), action, role.arn()),
                    decision, action, role.arn());
        }
    }

    private static Map<String, List<String>> requestConditionKeys(AssumeRoleRequest request,
                                                                  Optional<String> sourceIdentity) {
        Map<String, List<String>> keys = new HashMap<>(TagConditionKeys.request(request.tags()));
        keys.put("sts:RoleSessionName", List.of(request.roleSessionName()));
        request.externalId().ifPresent(id -> keys.put("sts:ExternalId", List.of(id)));
        sourceIdentity.ifPresent(id -> keys.put("sts:SourceIdentity", List.of(id)));
        return keys;
    }

    /** STS words a trust failure without a reason clause. */
    private static AccessDeniedException trustDenied(Principal caller, String roleArn, Decision decision) {
        return new AccessDeniedException("User: " + caller.arn() + " is not authorized to perform: sts:AssumeRole"
                + " on resource: " + roleArn, decision, "sts:AssumeRole", roleArn);
    }

    /**
     * An estimate of the share of the packed allowance the session policy and tags use. AWS packs
     * them in a binary format it does not document; non-white-space characters stand in for it.
     */
    static int packedPolicyPercent(AssumeRoleRequest request) {
        int size = request.policy().map(p -> (int) p.chars().filter(c -> !Character.isWhitespace(c)).count()).orElse(0)
                + request.tags().stream().mapToInt(t -> t.key().length() + t.value().length()).sum();
        return (int) Math.ceil(size * 100.0 / PACKED_POLICY_LIMIT);
    }

    private static Map<String, String> tagMap(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(tag -> map.put(tag.key(), tag.value()));
        return map;
    }
}
