package io.strongroom.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestHeadersTest {

    @Test
    void namesAreLookedUpInAnyCase() {
        RequestHeaders headers = RequestHeaders.builder().add("X-Amz-Date", "20261127T120000Z").build();
        assertThat(headers.get("x-amz-date")).containsExactly("20261127T120000Z");
        assertThat(headers.getOrDefault("X-AMZ-DATE", List.of())).containsExactly("20261127T120000Z");
        assertThat(headers.containsKey("x-AMZ-date")).isTrue();
        assertThat(headers.get("Authorization")).isNull();
        assertThat(headers.get(42)).isNull();
    }

    @Test
    void namesThatDifferOnlyInCaseAreMergedInArrivalOrder() {
        RequestHeaders headers = RequestHeaders.builder()
                .add("X-Forwarded-For", "10.0.0.1").add("Host", "example").add("x-forwarded-for", "10.0.0.2")
                .build();
        assertThat(headers).hasSize(2);
        assertThat(headers.get("X-FORWARDED-FOR")).containsExactly("10.0.0.1", "10.0.0.2");
    }

    @Test
    void aCopyOfAPlainMapMergesAndAnotherCopyIsTheSameInstance() {
        Map<String, List<String>> plain = new LinkedHashMap<>();
        plain.put("content-type", List.of("application/x-amz-json-1.1"));
        plain.put("Content-Type", List.of("text/plain"));
        RequestHeaders copy = RequestHeaders.copyOf(plain);
        assertThat(copy.get("CONTENT-TYPE")).containsExactly("application/x-amz-json-1.1", "text/plain");
        assertThat(RequestHeaders.copyOf(copy)).isSameAs(copy);
        plain.clear();
        assertThat(copy).hasSize(1); // the copy does not follow its source
    }

    @Test
    void neitherTheMapNorItsValuesCanBeChanged() {
        RequestHeaders headers = RequestHeaders.builder().add("Host", "example").build();
        assertThatThrownBy(() -> headers.put("Host", List.of("other"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> headers.get("Host").add("other")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> headers.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> headers.entrySet().iterator().next().setValue(List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(headers.get("host")).containsExactly("example");
    }

    @Test
    void aBuilderBuildsOnce() {
        RequestHeaders.Builder builder = RequestHeaders.builder().add("Host", "example");
        RequestHeaders built = builder.build();
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.add("Host", "other")).isInstanceOf(IllegalStateException.class);
        assertThat(built.get("Host")).containsExactly("example");
    }
}
