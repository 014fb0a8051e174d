package io.strongroom.store.jdbc.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.s3.MultipartRepository;
import io.strongroom.s3.testing.MultipartRepositoryContract;
import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.Sql;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The multipart repository contract on one vendor, plus what only the JDBC store has to show. */
abstract class JdbcMultipartRepositoryContract extends MultipartRepositoryContract {
    Database database;

    abstract Database openEmptyDatabase() throws Exception;

    @Override
    protected MultipartRepository openEmpty() throws Exception {
        database = openEmptyDatabase();
        return new JdbcMultipartRepository(database.transactor(), database.vendor());
    }

    @Override
    protected void close() {
        database.close();
    }

    @Test
    public void aPartAndTheObjectPartsAreRolledBackWithTheirTransaction() {
        repository.insertUpload(upload("u-1", "k", Instant.EPOCH));
        try {
            database.transactor().inTransaction(() -> {
                repository.putPart(part("u-1", 1, "b1"));
                repository.putObjectParts("b1", java.util.List.of(new io.strongroom.s3.ObjectPart(1, "u-1", 1, "b1")));
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // the point
        }
        assertThat(repository.listParts("u-1", 0, 10)).isEmpty();
        assertThat(repository.objectParts("b1")).isEmpty();
        long rows = database.transactor().withConnection(c -> Sql.count(c, "SELECT COUNT(*) FROM s3_upload_parts"));
        assertThat(rows).isZero();
    }
}
