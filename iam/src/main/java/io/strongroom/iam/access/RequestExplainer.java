package io.strongroom.iam.access;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.Arn;
import io.strongroom.core.AwsException;
import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.Principal;
import io.strongroom.iam.auth.PrincipalType;
import io.strongroom.iam.auth.Session;
import io.strongroom.iam.identity.IdentityRepository;
import io.strongroom.policy.Explanation;
import io.strongroom.policy.NamedPolicy;
import io.strongroom.policy.PolicyDocument;
import io.strongroom.policy.PolicyKind;
import io.strongroom.policy.PolicyType;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Explains how a request would be decided, for {@code strongroom explain}: the caller is named by ARN
 * (a user, a role — as a session of it — or an account root), the request by action, resource and
 * condition keys, and the answer is the full decision path across every policy type, with the same
 * guardrails, caches aside, that the server applies. Reads only; an operator with access to the store
 * runs it, so it needs no authorisation of its own.
 */
public final class RequestExplainer {
    /** The session name an explained role request is made under. */
    public static final String SESSION_NAME = "strongroom-explain";

    private final IdentityRepository repository;
    private final Transactor transactor;
    private final AccessAuthorizer authorizer;
    private final Clock clock;

    public RequestExplainer(IdentityRepository repository, Transactor transactor, AccessAuthorizer authorizer,
                            Clock clock) {
        this.repository = requireNonNull(repository, "repository");
        this.transactor = requireNonNull(transactor, "transactor");
        this.authorizer = requireNonNull(authorizer, "authorizer");
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * @param request what is asked: the condition keys it names override what the principal implies, so
     *                {@code aws:SourceIp}, {@code aws:SecureTransport} and the region can be set as needed
     *                (they default to a TLS call from 127.0.0.1 in {@code region})
     */
    public Explanation explain(ExplainRequest request) {
        requireNonNull(request, "request");
        return transactor.inTransaction(() -> {
            Principal principal = principal(request.principalArn());
            String sourceIp = single(request.context(), "aws:SourceIp").orElse("127.0.0.1");
            boolean secure = single(request.context(), "aws:SecureTransport").map(Boolean::parseBoolean).orElse(true);
            String region = single(request.context(), "aws:RequestedRegion").orElse(request.region());
            CallContext call = new CallContext("explain", principal, sourceIp, "", secure, region, clock.instant());
            return authorizer.explain(call, request.action(), resource(request), request.context());
        });
    }

    private ProtectedResource resource(ExplainRequest request) {
        Optional<String> owner = request.resourceOwner().or(() -> ProtectedResource.accountNamedBy(request.resource()));
        Optional<NamedPolicy> policy = request.resourcePolicy().map(json -> new NamedPolicy(PolicyType.RESOURCE,
                "resource-policy", PolicyDocument.parse(json, PolicyKind.RESOURCE)));
        return new ProtectedResource(request.resource(), owner, policy, false);
    }

    private Principal principal(String arnText) {
        if (!Arn.isArn(arnText)) {
            throw AwsException.validation("Not an ARN: " + arnText);
        }
        Arn arn = Arn.parse(arnText);
        String account = arn.accountId();
        String resource = arn.resource();
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        if (arn.service().equals("iam") && resource.equals("root")) {
            requireAccount(account);
            return new Principal(PrincipalType.ROOT, account, arnText, arnText, account, account, "", Map.of(),
                    Optional.empty());
        }
        if (arn.service().equals("iam") && resource.startsWith("user/")) {
            return repository.findUser(account, name).filter(user -> user.arn().equals(arnText))
                    .map(user -> new Principal(PrincipalType.IAM_USER, account, user.arn(), user.arn(), user.userId(),
                            user.userName(), "", user.tags(), Optional.empty()))
                    .orElseThrow(() -> notFound(arnText));
        }
        if (arn.service().equals("iam") && resource.startsWith("role/")) {
            Instant now = clock.instant();
            return repository.findRole(account, name).filter(role -> role.arn().equals(arnText))
                    .map(role -> new Principal(PrincipalType.ASSUMED_ROLE, account,
                            "arn:aws:sts::" + account + ":assumed-role/" + role.roleName() + "/" + SESSION_NAME,
                            role.arn(), role.roleId() + ":" + SESSION_NAME, role.roleName(), "", role.tags(),
                            Optional.of(new Session(role.arn(), role.roleId(), SESSION_NAME, now, now.plusSeconds(3600),
                                    Optional.empty(), Map.of(), Optional.empty(), role.arn()))))
                    .orElseThrow(() -> notFound(arnText));
        }
        throw AwsException.validation("Explain a user, a role or an account root, not " + arnText);
    }

    private void requireAccount(String account) {
        if (repository.findAccount(account).isEmpty()) {
            throw notFound("arn:aws:iam::" + account + ":root");
        }
    }

    private static AwsException notFound(String arn) {
        return new AwsException("NoSuchEntity", 404, "No principal " + arn + " exists.");
    }

    private static Optional<String> single(Map<String, List<String>> context, String key) {
        for (Map.Entry<String, List<String>> entry : context.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(key) && !entry.getValue().isEmpty()) {
                return Optional.of(entry.getValue().getFirst());
            }
        }
        return Optional.empty();
    }

    /**
     * @param principalArn   a user, role or account-root ARN
     * @param resource       the resource ARN, or {@code *}
     * @param context        condition keys and their values, added to (and overriding) what the principal implies
     * @param resourcePolicy the resource's policy, as JSON, when it has one
     * @param resourceOwner  the account owning the resource, when its ARN does not name it (an S3 bucket)
     * @param region         the server's region, the default for {@code aws:RequestedRegion}
     */
    public record ExplainRequest(String principalArn, String action, String resource,
                                 Map<String, List<String>> context, Optional<String> resourcePolicy,
                                 Optional<String> resourceOwner, String region) {
        public ExplainRequest {
            requireNonNull(principalArn, "principalArn");
            requireNonNull(action, "action");
            requireNonNull(resource, "resource");
            context = Map.copyOf(new HashMap<>(context));
            requireNonNull(resourcePolicy, "resourcePolicy");
            requireNonNull(resourceOwner, "resourceOwner");
            requireNonNull(region, "region");
        }
    }
}
