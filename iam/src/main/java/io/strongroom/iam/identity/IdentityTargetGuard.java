package io.strongroom.iam.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Guards an operation on one named user, group or role. Inside the operation's transaction it loads
 * the target, authorises the caller against the target's ARN with the target's condition keys
 * ({@code aws:ResourceTag/…}, {@code iam:ResourceTag/…}, {@code iam:PermissionsBoundary} where IAM
 * documents it) plus the request's own, and only then hands the target to the work. A name that
 * does not exist is authorised at its root-path ARN without tags (so a denied caller learns nothing
 * of whether it exists) and then fails with IAM's NoSuchEntity.
 */
final class IdentityTargetGuard {
    private final IdentityLookup lookup;
    private final GuardedOperations guard;

    IdentityTargetGuard(IdentityLookup lookup, GuardedOperations guard) {
        this.lookup = requireNonNull(lookup, "lookup");
        this.guard = requireNonNull(guard, "guard");
    }

    <T> T read(CallContext call, String action, PrincipalKind kind, String name, Function<IdentityTarget, T> work) {
        return guard.readWithin(() -> work.apply(authorize(call, action, kind, name, Map.of())));
    }

    <T> T change(CallContext call, String action, PrincipalKind kind, String name,
                 Map<String, List<String>> requestKeys, Function<IdentityTarget, T> work) {
        return guard.changeWithin(() -> work.apply(authorize(call, action, kind, name, requestKeys)));
    }

    void write(CallContext call, String action, PrincipalKind kind, String name, Consumer<IdentityTarget> work) {
        write(call, action, kind, name, Map.of(), work);
    }

    void write(CallContext call, String action, PrincipalKind kind, String name,
               Map<String, List<String>> requestKeys, Consumer<IdentityTarget> work) {
        change(call, action, kind, name, requestKeys, target -> {
            work.accept(target);
            return null;
        });
    }

    /**
     * Authorises {@code action} on the named entity within the caller's transaction and returns it.
     * {@code requestKeys} win over the target's keys of the same name (PutUserPermissionsBoundary
     * checks the boundary it asks for, not the one it replaces).
     */
    IdentityTarget authorize(CallContext call, String action, PrincipalKind kind, String name,
                             Map<String, List<String>> requestKeys) {
        String account = call.principal().accountId();
        Optional<IdentityTarget> target = IdentityTarget.find(lookup, account, kind, name);
        String arn = target.map(IdentityTarget::arn).orElseGet(() -> IdentityTarget.arnFor(lookup, account, kind, name));
        Map<String, List<String>> targetKeys = target.map(t -> t.conditionKeys(action)).orElseGet(Map::of);
        guard.authorize(call, action, arn, TagConditionKeys.merge(targetKeys, requestKeys));
        return target.orElseThrow(() -> IdentityLookup.noSuchEntity(kind, name));
    }
}
