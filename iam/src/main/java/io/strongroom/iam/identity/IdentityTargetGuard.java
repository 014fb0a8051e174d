package io.strongroom.iam.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Guards an operation on one named user, group or role: the caller is authorised against the ARN the
 * name would have (so a denied caller learns nothing of whether it exists), then the work gets the
 * target resolved inside the transaction, or IAM's NoSuchEntity when it is not there.
 */
final class IdentityTargetGuard {
    private final IdentityLookup lookup;
    private final GuardedOperations guard;

    IdentityTargetGuard(IdentityLookup lookup, GuardedOperations guard) {
        this.lookup = requireNonNull(lookup, "lookup");
        this.guard = requireNonNull(guard, "guard");
    }

    <T> T read(CallContext call, String action, PrincipalKind kind, String name, Function<IdentityTarget, T> work) {
        String account = call.principal().accountId();
        return guard.read(call, action, IdentityTarget.arnFor(lookup, account, kind, name),
                () -> work.apply(IdentityTarget.require(lookup, account, kind, name)));
    }

    void write(CallContext call, String action, PrincipalKind kind, String name, Consumer<IdentityTarget> work) {
        write(call, action, kind, name, Map.of(), work);
    }

    void write(CallContext call, String action, PrincipalKind kind, String name,
               Map<String, List<String>> conditionKeys, Consumer<IdentityTarget> work) {
        String account = call.principal().accountId();
        guard.write(call, action, IdentityTarget.arnFor(lookup, account, kind, name), conditionKeys, () -> {
            work.accept(IdentityTarget.require(lookup, account, kind, name));
            return null;
        });
    }
}
