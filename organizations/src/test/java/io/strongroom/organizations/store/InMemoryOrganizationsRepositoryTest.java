package io.strongroom.organizations.store;

import io.strongroom.iam.testing.InMemoryIdentityRepository;
import io.strongroom.organizations.testing.InMemoryOrganizationsRepository;
import io.strongroom.organizations.testing.InMemoryOrganizationsTransactor;
import io.strongroom.organizations.testing.OrganizationsRepositoryContract;

class InMemoryOrganizationsRepositoryTest extends OrganizationsRepositoryContract {
    @Override
    protected Stores openEmpty() {
        InMemoryIdentityRepository identities = new InMemoryIdentityRepository();
        InMemoryOrganizationsRepository organizations = new InMemoryOrganizationsRepository();
        return new Stores(identities, organizations, new InMemoryOrganizationsTransactor(identities, organizations));
    }
}
