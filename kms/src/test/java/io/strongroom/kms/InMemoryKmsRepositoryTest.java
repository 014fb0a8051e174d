package io.strongroom.kms;

import io.strongroom.kms.testing.InMemoryKmsRepository;
import io.strongroom.kms.testing.InMemoryKmsTransactor;
import io.strongroom.kms.testing.KmsRepositoryContract;

class InMemoryKmsRepositoryTest extends KmsRepositoryContract {
    @Override
    protected Stores openEmpty() {
        InMemoryKmsRepository keys = new InMemoryKmsRepository();
        return new Stores(keys, new InMemoryKmsTransactor(keys));
    }
}
