package io.strongroom.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The CloudTrail end-to-end behaviour with the store on PostgreSQL (trail versions, lookups, tokens). */
@UsePostgres
class PostgresCloudTrailEndToEndTest extends CloudTrailEndToEndTest {

    @Test
    void theServerRunsOnPostgres(StrongroomTestServer server) {
        assertThat(server.server().config().dbUrl()).startsWith("jdbc:postgresql:");
    }
}
