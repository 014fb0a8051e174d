package io.strongroom.iam.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.auth.CallContext;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The shape of every IAM operation: authorise, do the checks and writes in one transaction, then tell
 * this node's caches that identities changed. Operations on a collection authorise before the
 * transaction; operations on one entity authorise inside it ({@link #readWithin}, {@link #changeWithin}),
 * after loading the entity's tags, so what is checked is what is changed.
 */
final class GuardedOperations {
    private final AccessAuthorizer authorizer;
    private final Transactor transactor;
    private final List<IdentityChangeListener> changeListeners;

    GuardedOperations(AccessAuthorizer authorizer, Transactor transactor, List<IdentityChangeListener> changeListeners) {
        this.authorizer = requireNonNull(authorizer, "authorizer");
        this.transactor = requireNonNull(transactor, "transactor");
        this.changeListeners = List.copyOf(changeListeners);
    }

    void authorize(CallContext call, String action, String resource, Map<String, List<String>> conditionKeys) {
        authorizer.authorize(call, action, resource, conditionKeys);
    }

    <T> T read(CallContext call, String action, String resource, Supplier<T> work) {
        authorizer.authorize(call, action, resource, Map.of());
        return transactor.inTransaction(work);
    }

    <T> T write(CallContext call, String action, String resource, Map<String, List<String>> conditionKeys,
                Supplier<T> work) {
        authorizer.authorize(call, action, resource, conditionKeys);
        return changeWithin(work);
    }

    void write(CallContext call, String action, String resource, Runnable work) {
        write(call, action, resource, Map.of(), () -> {
            work.run();
            return null;
        });
    }

    /** Work that authorises itself (with {@link #authorize}) before it reads, in one transaction. */
    <T> T readWithin(Supplier<T> work) {
        return transactor.inTransaction(work);
    }

    /** Work that authorises itself before it writes, in one transaction; caches hear of the change. */
    <T> T changeWithin(Supplier<T> work) {
        T result = transactor.inTransaction(work);
        changeListeners.forEach(IdentityChangeListener::identitiesChanged);
        return result;
    }
}
