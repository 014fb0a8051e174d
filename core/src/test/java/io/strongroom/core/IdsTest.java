package io.strongroom.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void identifiersHaveTheShapesAwsClientsExpect() {
        assertThat(Ids.accessKeyId()).matches("AKIA[A-Z2-7]{16}");
        assertThat(Ids.temporaryAccessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(Ids.uniqueId(Ids.USER_PREFIX)).matches("AIDA[A-Z2-7]{16}");
        assertThat(Ids.secretAccessKey()).hasSize(40).matches("[A-Za-z0-9+/]{40}");
        assertThat(Ids.accountId()).matches("[1-9][0-9]{11}");
        assertThat(Ids.accessKeyId()).isNotEqualTo(Ids.accessKeyId());
    }

    @Test
    void requestIdsAreDistinctVersion4Uuids() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = Ids.requestId();
            java.util.UUID uuid = java.util.UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }
}
