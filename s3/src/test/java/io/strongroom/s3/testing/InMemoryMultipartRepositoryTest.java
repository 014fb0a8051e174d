package io.strongroom.s3.testing;

import io.strongroom.s3.MultipartRepository;

class InMemoryMultipartRepositoryTest extends MultipartRepositoryContract {
    @Override
    protected MultipartRepository openEmpty() {
        return new InMemoryMultipartRepository();
    }
}
