package io.strongroom.s3.testing;

import io.strongroom.s3.RestoreRepository;

class InMemoryRestoreRepositoryTest extends RestoreRepositoryContract {
    @Override
    protected RestoreRepository openEmpty() {
        return new InMemoryRestoreRepository();
    }
}
