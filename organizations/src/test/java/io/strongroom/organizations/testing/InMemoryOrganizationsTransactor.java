package io.strongroom.organizations.testing;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.testing.InMemoryIdentityRepository;
import java.util.function.Supplier;

/**
 * One transaction over both in-memory repositories: when the work throws, the identity store and the
 * organizations store both go back to where they were, as one JDBC transaction would.
 */
public final class InMemoryOrganizationsTransactor implements Transactor {
    private final InMemoryIdentityRepository identities;
    private final InMemoryOrganizationsRepository organizations;
    private final ThreadLocal<Boolean> active = ThreadLocal.withInitial(() -> false);

    public InMemoryOrganizationsTransactor(InMemoryIdentityRepository identities,
                                           InMemoryOrganizationsRepository organizations) {
        this.identities = requireNonNull(identities, "identities");
        this.organizations = requireNonNull(organizations, "organizations");
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (active.get()) {
            return work.get();
        }
        Object identitySnapshot = identities.snapshot();
        Object organizationSnapshot = organizations.snapshot();
        active.set(true);
        try {
            return work.get();
        } catch (RuntimeException e) {
            identities.restore(identitySnapshot);
            organizations.restore(organizationSnapshot);
            throw e;
        } finally {
            active.set(false);
        }
    }
}
