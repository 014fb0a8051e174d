package io.strongroom.store.jdbc.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.audit.IndexedResource;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceColumnTest {
    @Test
    void anyTextReadsBackExactlyInOrder() {
        List<IndexedResource> resources = List.of(
                new IndexedResource("AWS::S3::Object", "reports/2026/q1.csv"),
                new IndexedResource("", ""),
                new IndexedResource("3:abc", "12:"),
                new IndexedResource("AWS::KMS::Key", "arn:aws:kms:us-east-1:111122223333:key/k1"),
                new IndexedResource("Größe ✓", "\ud83d\ude00:\n"));
        String encoded = ResourceColumn.encode(resources);
        assertThat(ResourceColumn.decode(encoded)).isEqualTo(resources);
    }

    @Test
    void noResourcesIsTheEmptyText() {
        assertThat(ResourceColumn.encode(List.of())).isEmpty();
        assertThat(ResourceColumn.decode("")).isEmpty();
    }

    @Test
    void aDamagedColumnIsReportedNotMisread() {
        assertThatThrownBy(() -> ResourceColumn.decode("5:abc")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ResourceColumn.decode("3:abc")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ResourceColumn.decode("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ResourceColumn.decode("a:b")).isInstanceOf(IllegalStateException.class);
    }
}
