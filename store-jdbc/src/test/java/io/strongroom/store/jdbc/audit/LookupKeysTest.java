package io.strongroom.store.jdbc.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.audit.EventCategory;
import org.junit.jupiter.api.Test;

class LookupKeysTest {
    private static final String ACCOUNT = "111122223333";

    @Test
    void keysAreTheStoredDefinitionWhetherComputedOrRemembered() {
        // the first 8 bytes of SHA-256 over the length-prefixed UTF-8 parts, worked out apart from this code
        long createUser = -3884028042739008235L;
        long dataScope = -6702201533695852515L;
        LookupKeys keys = new LookupKeys();

        assertThat(keys.attribute("EventName", ACCOUNT, EventCategory.MANAGEMENT, "CreateUser")).isEqualTo(createUser);
        assertThat(keys.scope(ACCOUNT, EventCategory.DATA)).isEqualTo(dataScope);
        assertThat(keys.attribute("EventName", ACCOUNT, EventCategory.MANAGEMENT, "CreateUser")).isEqualTo(createUser);
        assertThat(keys.scope(ACCOUNT, EventCategory.DATA)).isEqualTo(dataScope);
        assertThat(new LookupKeys().attribute("EventName", ACCOUNT, EventCategory.MANAGEMENT, "CreateUser"))
                .isEqualTo(createUser);
    }

    @Test
    void partsAreKeptApart() {
        LookupKeys keys = new LookupKeys();
        assertThat(keys.attribute("EventName", ACCOUNT, EventCategory.MANAGEMENT, "ab"))
                .isNotEqualTo(keys.attribute("EventName", ACCOUNT, EventCategory.MANAGEMENT, "a"));
        assertThat(keys.attribute("Username", "1", EventCategory.DATA, "23"))
                .isNotEqualTo(keys.attribute("Username", "12", EventCategory.DATA, "3"));
    }
}
