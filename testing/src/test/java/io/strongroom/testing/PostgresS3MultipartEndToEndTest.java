package io.strongroom.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The multipart end-to-end behaviour with the store on PostgreSQL. */
@UsePostgres
class PostgresS3MultipartEndToEndTest extends S3MultipartEndToEndTest {

    @Test
    void theServerRunsOnPostgres(StrongroomTestServer server) {
        assertThat(server.server().config().dbUrl()).startsWith("jdbc:postgresql:");
    }
}
