package io.strongroom.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The KMS end-to-end behaviour with the store on PostgreSQL (keys, versions after rotation, aliases, tags). */
@UsePostgres
class PostgresKmsEndToEndTest extends KmsEndToEndTest {

    @Test
    void theServerRunsOnPostgres(StrongroomTestServer server) {
        assertThat(server.server().config().dbUrl()).startsWith("jdbc:postgresql:");
    }
}
